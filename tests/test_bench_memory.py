"""`make bench` counts the memory of a publish's workers too: the sum over the process tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from opendata import bench
from opendata.bench import TreeMemory, tree_pss_kb

# A parent that starts two children, each holding 120 MB of its own, then waits for them.
FAMILY = """
import subprocess, sys
hold = "import sys, time; block = bytearray(120 << 20); block[::4096] = b'x' * len(block[::4096]); sys.stdout.write('ready\\\\n'); sys.stdout.flush(); time.sleep(30)"
children = [subprocess.Popen([sys.executable, "-c", hold], stdout=subprocess.PIPE, text=True) for _ in range(2)]
for child in children:
    child.stdout.readline()
print("ready", flush=True)
for child in children:
    child.wait()
"""


def test_the_tree_peak_counts_every_process_and_the_largest_alone_does_not():
    parent = subprocess.Popen([sys.executable, "-c", FAMILY], stdout=subprocess.PIPE, text=True)
    try:
        sampler = TreeMemory(parent.pid, interval=0.05)
        sampler.start()
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        now = tree_pss_kb(parent.pid)
        peak = sampler.stop()
    finally:
        subprocess.run(["pkill", "-P", str(parent.pid)], check=False)
        parent.kill()
        parent.wait()
    assert now >= 240 * 1024 and peak >= 240 * 1024, (now, peak)  # both children's 120 MB
    assert tree_pss_kb(parent.pid) == 0  # gone: nothing is counted


def test_the_bench_refuses_corpora_the_disk_cannot_hold_before_it_starts(tmp_path, capsys, monkeypatch):
    """A million letters need about 175 GB (sources, cache, the builds): on a smaller disk the bench
    says so and stops (exit 2) instead of filling the disk hours later."""

    def benchmarked(*args, **kwargs):
        raise AssertionError("the bench started a corpus the disk cannot hold")

    monkeypatch.setattr(bench, "bench_size", benchmarked)
    # twice what the whole disk could hold: free space that other work gives back meanwhile cannot let it in
    too_many = 2 * shutil.disk_usage(tmp_path).total // bench.DISK_PER_LETTER
    assert bench.main(["--sizes", str(too_many), "--work", str(tmp_path)]) == 2
    message = capsys.readouterr().err
    assert (
        f"{too_many:,} letters need about" in message and "give --work a folder on a larger disk" in message
    )
    assert list(tmp_path.iterdir()) == []  # nothing was written
    assert bench.disk_shortfall([1000], tmp_path) == ""  # 175 MB: this disk holds that
