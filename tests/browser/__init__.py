"""Real-browser tests: the course notebooks in JupyterLab, driven by Chromium."""
