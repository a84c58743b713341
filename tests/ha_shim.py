"""Bridge the newest Home Assistant to a test package built for an older one.

pytest loads this module before its plugins (`-p tests.ha_shim` in
pyproject.toml's addopts). It matters in the "latest" lane only, where the
newest `homeassistant` is installed over the version the newest
`pytest-homeassistant-custom-component` pins (requirements_latest.txt);
against a matching pair (the "min" lane) both steps below change nothing.

1. Home Assistant 2026.11 points `import httpx` at `httpx2` when it is first
   imported, and refuses to once httpx is loaded; the test package's plugin
   imports respx (hence httpx) first. Importing Home Assistant here, before
   the plugin, lets it set that up.
2. The test package imports `_clear_logger_overwrites` from
   `homeassistant.components.logger`; 2026.11 moved it to that package's
   `helpers` module. It is made available under the old name.

Remove this module once a test package for the newest release exists.
"""

from __future__ import annotations

import homeassistant.components.logger as logger_component

if not hasattr(logger_component, "_clear_logger_overwrites"):
    from homeassistant.components.logger.helpers import _clear_logger_overwrites

    logger_component._clear_logger_overwrites = _clear_logger_overwrites  # type: ignore[attr-defined]
