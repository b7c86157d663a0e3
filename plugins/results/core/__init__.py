"""Rules of the programme's data shared by the validator, the plugin and the demo generator.

One definition each: the period grammar (`periods`), CSV/formula safety (`safety`), URL slugs
(`slugs`), atomic file writes (`atomic`), human-readable file sizes (`sizes`), the field lists read
from the descriptor (`fields`) and the split of big tables into one file per network (`parts`).
`scripts/` imports these modules; nothing here imports `scripts/`, Pelican, pandas or anything
outside the standard library, so the validator starts fast.

This file imports nothing on purpose: `from results.core.periods import Period` loads one module.
"""
