"""Pure calculators behind the management lessons (no widgets here)."""
