"""``python -m bot.nlp [--offline]``: make sure the Dutch pipeline is in place."""

import argparse
import sys

from bot.nlp.pipeline import ensure_pipeline


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.nlp")
    parser.add_argument("--offline", action="store_true", help="skip nl_core_news_sm, use the self-built pipeline")
    args = parser.parse_args()
    info = ensure_pipeline(force_offline=args.offline)
    kind = "published" if info.published else "self-built offline"
    print(f"Dutch spaCy pipeline: {info.name} {info.version} ({kind}), components: {', '.join(info.components) or 'tokenizer only'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
