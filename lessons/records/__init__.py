"""What a learner saves: the answer store (``store``) and the results file format (``results``).
Below the quiz layer because the quiz widget saves answers here. Imports only ``lessons.kit``.
"""
