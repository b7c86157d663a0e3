"""Give the memory a finished phase freed back to the system, so the next phase does not start above it.

Validating and loading a package (its result rows read through pandas and Arrow) frees large
short-lived buffers: about 120 MB at regional scale, an eighth of national. glibc keeps freed blocks
in its heap, where Python's own objects (allocated in separate arenas) never reuse them, so they would
stay in the build's peak memory: `malloc_trim` hands them back. Arrow's own allocator (mimalloc)
keeps what it frees as well: scripts/build.py asks Arrow for the system allocator
(ARROW_DEFAULT_MEMORY_POOL=system) before loading it, so that memory is trimmed too.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc


def give_back_memory() -> None:
    """Collect unreachable objects, then return the heap's free memory to the system (glibc only:
    elsewhere, nothing more than the collection)."""
    gc.collect()
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS): no malloc_trim
        return
    trim(0)
