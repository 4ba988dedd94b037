"""Domain core of the wijkteam intake assistant (plain Python, no Rasa imports).

Only two modules may import Rasa: ``bot.triage.classifier`` (loads the trained
NLU model) and ``bot.rasa_adapters.tracker_store`` (the redacting tracker store).
"""

__version__ = "0.1.0"
