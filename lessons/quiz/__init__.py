"""Quizzes: the question model and grading (``bank``), the quiz widget (``widget``), and the final
assessment (``assessment``, ``assessment_widget``, ``figures``).
"""
