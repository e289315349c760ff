#!/usr/bin/env python3
"""Validates every fixture, every template (the raw file against the template
schema, and the plan it makes from its example facts against the document schema)
and a generated 1,000-row plan against schema/kehoach-v1.schema.json with an
independent validator (Python jsonschema, draft 2020-12), and checks that
malformed documents are rejected."""
import copy, glob, json, os, subprocess, sys
from jsonschema import Draft202012Validator

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
schema = json.load(open(os.path.join(ROOT, "schema/kehoach-v1.schema.json"), encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
passed = failed = 0

def expect(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")

def kehoach(*args):
    return subprocess.run(["cargo", "run", "--quiet", "--bin", "kehoach", "--", *args],
                          cwd=ROOT, capture_output=True, text=True, check=True).stdout

template_schema = json.load(open(os.path.join(ROOT, "schema/kehoach-template-v1.schema.json"), encoding="utf-8"))
Draft202012Validator.check_schema(template_schema)
template_validator = Draft202012Validator(template_schema)

docs = {}
for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/*.json"))):
    docs[os.path.relpath(path, ROOT)] = json.load(open(path, encoding="utf-8"))
templates = sorted(glob.glob(os.path.join(ROOT, "templates/*.json")))
expect("templates present", len(templates) >= 4, str(templates))
for path in templates:
    name = os.path.relpath(path, ROOT)
    raw = json.load(open(path, encoding="utf-8"))
    errors = list(template_validator.iter_errors(raw))
    expect(f"valid template: {name}", not errors, "; ".join(e.message for e in errors[:3]))
    docs[f"plan made from {name}"] = json.loads(kehoach("template", "new", name, "--examples"))
generated = kehoach("sample", "1000")
docs["generated plan (1000 rows)"] = json.loads(generated)

for name, doc in docs.items():
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    expect(f"valid: {name}", not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:3]))

sample = json.loads(generated)
bad = copy.deepcopy(sample); bad["version"] = 2
expect("rejects: wrong version", not validator.is_valid(bad))
bad = copy.deepcopy(sample); bad["header"]["colour"] = "red"
expect("rejects: unknown field", not validator.is_valid(bad))
bad = copy.deepcopy(sample); bad["appendices"][0]["groups"][0]["rows"][3]["cells"][1]["text"] = 5
expect("rejects: wrong type deep in an appendix row", not validator.is_valid(bad))
bad = copy.deepcopy(sample); bad["header"]["date"] = "26/12/2025"
expect("rejects: non-ISO date", not validator.is_valid(bad))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
