"""The learned crisis and signal layer beside the rules (issue #12, point 3).

``corpus`` composes the training sentences of ``data/corpus/``; ``features``
turns a text into word, skip-gram and character features that remember where
in the text they came from; ``model`` trains one logistic regression per
label and explains a prediction with the fragment that weighed most;
``layer`` adds the learned signals and the ``crisis_check`` to a triage;
``training`` builds the artefact under ``models/`` when the corpus changed.
"""
