"""The KCC console's domain side: the trusted channel to Rasa, the turn the
console shows (replies, triage card, evidence in the typed text), the
plain-text summary and the sociale kaart search beside the conversation.

The web app's /kcc handlers only call these functions.
"""
