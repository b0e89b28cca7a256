"""The benchmark's memory sampler (bench/bench.py): what it reports as the peak."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_module", ROOT / "bench" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_sampler_sees_memory_this_process_holds():
    memory = _bench().TreeMemory()
    memory.start()
    time.sleep(0.15)
    before = memory.peak_pss_mb
    block = np.ones(40 * 2**20 // 8)  # 40 MB, every page written
    time.sleep(0.3)
    memory.running = False
    memory.join()
    assert block.sum() > 0
    assert memory.peak_pss_mb >= before + 30
    # a page counted once in the proportional size is at least once in the resident one
    assert 0 < memory.peak_pss_mb <= memory.peak_mb + 1
