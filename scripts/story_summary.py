"""One line on the Rasa test stories, from the report that `rasa test core` wrote."""

import json
import sys

report = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "results/stories/story_report.json"))
stories = report["conversation_accuracy"]
print(f"  {stories['correct']} of {stories['total']} stories correct, "
      f"{int(report['weighted avg']['support'])} actions checked")
