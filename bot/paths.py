"""Well-known locations inside the project checkout."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
VAR = ROOT / "var"
MODELS = ROOT / "models"

TAXONOMY_FILE = DATA / "taxonomie.yml"
GEMEENTE_FILE = DATA / "gemeente.yml"
SIGNALS_DIR = DATA / "signalen"
KAART_DIR = DATA / "sociale_kaart"

# The Dutch spaCy pipeline that config.yml points at: a symlink to either the
# installed nl_core_news_sm package or the self-built offline pipeline.
SPACY_ACTIVE = VAR / "spacy" / "nl_actief"
SPACY_OFFLINE = VAR / "spacy" / "nl_wijkteam_offline"

# Files whose content decides whether the Rasa model must be retrained.
RASA_TRAINING_INPUTS = (
    DATA / "nlu",
    DATA / "stories",
    DATA / "rules",
    ROOT / "domain.yml",
    ROOT / "config.yml",
)
MODEL_FILE = MODELS / "wijkteam.tar.gz"
MODEL_FINGERPRINT = MODELS / "wijkteam.fingerprint"
