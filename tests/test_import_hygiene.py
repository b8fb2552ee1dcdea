"""The model is pure: importing it must not pull in Textual or TinyDB (checked in a clean interpreter)."""

import json
import subprocess
import sys

CODE = """
import importlib, json, pkgutil, sys
import warmintro.model as model
names = [m.name for m in pkgutil.iter_modules(model.__path__, 'warmintro.model.')]
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb', 'rich'))
print(json.dumps({'modules': names, 'leaked': leaked}))
"""


def test_no_model_module_imports_textual_tinydb_or_rich():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert "warmintro.model.gauge" in result["modules"]
    assert result["leaked"] == []
