"""Start-up and responsiveness of the th console, beside Python's own start-up.

Measures, in one run on this machine:
1. wall time of `th -e "print(1)"` against `python -c "print(1)"`   (goal: < 0.4 s)
2. time until the first `th>` prompt appears in a pseudo-terminal, against
   `python -i` showing its `>>>` prompt                               (goal: < 0.6 s)
3. typing a simple line (`1+1`) and seeing its result in that terminal (goal: < 50 ms)
4. (for information) the first line using torch, which imports the tensor library
Each figure is the median of several runs; the ratio to the baseline is printed too.

Usage: python bench/startup.py [--runs N]
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

import pexpect

GOALS = {"th -e": 0.4, "first prompt": 0.6, "simple line": 0.05}


def th_command():
    """The installed `th` script beside this Python, else `python -m th.cli`."""
    script = os.path.join(os.path.dirname(sys.executable), "th")
    if os.path.exists(script):
        return [script]
    found = shutil.which("th")
    return [found] if found else [sys.executable, "-m", "th.cli"]


def wall(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def spawn(cmd, home):
    child = pexpect.spawn(cmd[0], cmd[1:], env=pty_env(home), encoding="utf-8",
                          timeout=30, dimensions=(40, 120))
    child.delaybeforesend = None           # pexpect's default 50 ms pause would be timed
    return child


def pty_env(home):
    return dict(os.environ, HOME=home, TREPL_HISTORY=os.path.join(home, "hist"),
                TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1", PYTHONSTARTUP="")


def first_prompt(cmd, prompt, runs, home):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        child = spawn(cmd, home)
        child.expect_exact(prompt)
        times.append(time.perf_counter() - start)
        child.terminate(force=True)
    return statistics.median(times)


def line_latency(cmd, runs, home):
    """Seconds from pressing Enter on `1+1` to its timing line being drawn."""
    child = spawn(cmd, home)
    child.expect_exact("th>")
    child.send("1+1\r")                     # warm-up: first compile of the session
    child.expect(r"\[\d+\.\d{4}s\]")
    child.expect_exact("th>")
    times = []
    for _ in range(runs):
        child.send("1+1")
        child.expect_exact("1")
        time.sleep(0.05)                     # let the echo settle
        start = time.perf_counter()
        child.send("\r")
        child.expect(r"\[\d+\.\d{4}s\]")
        times.append(time.perf_counter() - start)
        child.expect_exact("th>")
    child.terminate(force=True)
    return statistics.median(times)


def first_torch_line(cmd, home):
    """Seconds for the session's first `torch.zeros(2)`: torch is imported on first use."""
    child = spawn(cmd, home)
    child.expect_exact("th>")
    start = time.perf_counter()
    child.send("x = torch.zeros(2)\r")
    child.expect(r"\[\d+\.\d{4}s\]")
    elapsed = time.perf_counter() - start
    child.terminate(force=True)
    return elapsed


def python_line_latency(runs, home):
    child = spawn([sys.executable, "-q", "-i"], home)
    child.expect_exact(">>> ")
    times = []
    for _ in range(runs):
        child.send("1+1")
        child.expect_exact("1+1")
        start = time.perf_counter()
        child.send("\r")
        child.expect_exact("2")
        times.append(time.perf_counter() - start)
        child.expect_exact(">>> ")
    child.terminate(force=True)
    return statistics.median(times)


def report(name, ours, base, base_name):
    goal = GOALS[name]
    verdict = "ok" if ours < goal else "OVER GOAL"
    print(f"{name:<14} th {ours * 1000:7.1f} ms   {base_name:<22} {base * 1000:7.1f} ms"
          f"   ratio {ours / base:5.1f}x   goal < {goal * 1000:.0f} ms: {verdict}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    home = os.path.join("/tmp", f"th-bench-{os.getpid()}")
    os.makedirs(home, exist_ok=True)
    th = th_command()
    print(f"machine: {platform.machine()} {platform.processor() or ''} "
          f"{os.cpu_count()} cpus, Python {platform.python_version()}, {platform.system()}")
    print(f"th: {' '.join(th)}   (median of {runs} runs)")
    wall(th + ["-e", "print(1)"], 1)          # warm the OS file cache and bytecode caches
    report("th -e", wall(th + ["-e", "print(1)"], runs),
           wall([sys.executable, "-c", "print(1)"], runs), 'python -c "print(1)"')
    report("first prompt", first_prompt(th, "th>", runs, home),
           first_prompt([sys.executable, "-q", "-i"], ">>> ", runs, home), "python -i (>>>)")
    report("simple line", line_latency(th, runs * 2, home),
           python_line_latency(runs * 2, home), "python -i: 1+1")
    torch_first = statistics.median(first_torch_line(th, home) for _ in range(3))
    print(f"(info) the session's first torch line, which imports the tensor library: "
          f"{torch_first * 1000:.0f} ms")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
