"""Print the JSON Schema of the event record (docs/event-record.schema.json is its output)."""

import json

from casus.model import Event

if __name__ == "__main__":
    print(json.dumps(Event.model_json_schema(), indent=2, ensure_ascii=False))
