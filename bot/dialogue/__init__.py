"""Plain-Python dialogue decisions of the intake conversation.

Which clarifying question comes next, what the input looks like (empty, huge,
HTML, emoji, another language), which offers to show, and the KCC triage card.
The Rasa actions in ``actions/`` only translate tracker state to these calls.
"""
