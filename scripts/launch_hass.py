"""Start Home Assistant on a Python older than it officially requires.

Home Assistant 2026.2 requires Python >= 3.13.2, but some dev machines only
have 3.13.0. `hass` refuses to start there; this launcher lowers
``homeassistant.__main__.REQUIRED_PYTHON_VER`` to the running 3.13.x and then
calls the normal entry point. scripts/hass uses it only when needed.
"""

from __future__ import annotations

from pathlib import Path
import sys

# Don't let scripts/*.py shadow anything Home Assistant imports.
_here = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if p and str(Path(p).resolve()) != _here]

import homeassistant.__main__ as hass_main  # noqa: E402

if sys.version_info[:3] < hass_main.REQUIRED_PYTHON_VER:
    hass_main.REQUIRED_PYTHON_VER = (3, 13, 0)  # type: ignore[misc]

sys.argv[0] = "hass"
sys.exit(hass_main.main())
