"""nngraph's cost: a gModule beside the same network in nn containers and in PyTorch (CPU).

    python bench/nngraph_step.py [--threads N] [--rounds R]

Each line times one forward + backward (zeroGradParameters, forward, backward with a
fixed gradOutput), alternating the sides for R rounds, and prints the median and best
per step and the ratios (lower is better):

- mlp: Linear 64->64 and Tanh three times, batch 16, written as a gModule and as an
  nn.Sequential of the same modules: the ratio gModule / Sequential is the price of the
  graph (its bookkeeping per node), on top of the modules' own work. PyTorch runs the
  same layers with autograd.
- lstm: one step of char-rnn's LSTM cell (the classic nngraph network: i2h + h2h,
  Reshape, SplitTable:split(4), three Sigmoid gates, Tanh, CMulTable, CAddTable) at
  batch 32, 128 units, against the same cell written with PyTorch tensors and autograd.

Small layers on purpose: they show the per-node overhead; big layers hide it behind BLAS.
"""
import argparse
import os
import platform
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nn_train import _early_threads  # noqa: E402  (sets BLAS threads before numpy loads)

_early_threads()
import numpy as np  # noqa: E402


def _times(step, rounds, chunk=10):
    for _ in range(3):
        step()
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(chunk):
            step()
        out.append((time.perf_counter() - t) / chunk)
    return out


def _alternate(steps, rounds):
    """Time the named steps in turns (noise spreads evenly); name -> list of times."""
    times = {name: [] for name in steps}
    for _ in range(max(1, rounds // 5)):
        for name, step in steps.items():
            times[name] += _times(step, 5)
    return times


def _line(label, times, base, against):
    med = {k: statistics.median(v) for k, v in times.items()}
    best = {k: min(v) for k, v in times.items()}
    parts = [f"{k} {med[k] * 1e6:8.1f} us (best {best[k] * 1e6:7.1f})" for k in times]
    ratios = [f"{base}/{k} {med[base] / med[k]:5.2f}" for k in against]
    print(f"{label:<18} " + "   ".join(parts) + "   ratio " + ", ".join(ratios))


def _fill(t, array):
    t.numpy()[...] = array
    return t


# ---- mlp: gModule vs Sequential vs PyTorch ------------------------------------------------

def bench_mlp(pt, rounds):
    from th import nn, nngraph, torch  # noqa: F401  (nngraph: calling modules makes nodes)
    from th.lua.table import LuaTable
    rng = np.random.default_rng(0)
    x_np, g_np = rng.standard_normal((16, 64)), rng.standard_normal((16, 64))
    torch.manualSeed(1)
    layers = []
    for _ in range(3):
        layers += [nn.Linear(64, 64), nn.Tanh()]
    node = inp = nn.Identity()()
    for m in layers:
        node = m(node)
    graph = nn.gModule(LuaTable.from_list([inp]), LuaTable.from_list([node]))
    seq = nn.Sequential()
    for m in layers:
        seq.add(m.clone())
    x, g = _fill(torch.Tensor(16, 64), x_np), _fill(torch.Tensor(16, 64), g_np)

    def step_of(net):
        def step():
            net.zeroGradParameters()
            net.forward(x)
            net.backward(x, g)
        return step

    pnet = pt.nn.Sequential(*[pt.nn.Linear(64, 64) if i % 2 == 0 else pt.nn.Tanh()
                              for i in range(6)]).double()
    px, pg = pt.tensor(x_np, requires_grad=True), pt.tensor(g_np)

    def pt_step():
        pnet.zero_grad(set_to_none=False)
        px.grad = None
        pnet(px).backward(pg)

    times = _alternate({"gModule": step_of(graph), "Sequential": step_of(seq),
                        "PyTorch": pt_step}, rounds)
    _line("mlp 3x64 b16", times, "gModule", ["Sequential", "PyTorch"])


# ---- lstm: char-rnn's cell ------------------------------------------------------------------

def _th_lstm(n_in, rnn):
    from th import nn
    from th.lua.table import LuaTable as T
    x, prev_c, prev_h = nn.Identity()(), nn.Identity()(), nn.Identity()()
    summed = nn.CAddTable()(T.from_list([nn.Linear(n_in, 4 * rnn)(x),
                                         nn.Linear(rnn, 4 * rnn)(prev_h)]))
    n1, n2, n3, n4 = nn.SplitTable(2)(nn.Reshape(4, rnn)(summed)).split(4)
    in_gate, forget, out_gate = nn.Sigmoid()(n1), nn.Sigmoid()(n2), nn.Sigmoid()(n3)
    transform = nn.Tanh()(n4)
    next_c = nn.CAddTable()(T.from_list([nn.CMulTable()(T.from_list([forget, prev_c])),
                                         nn.CMulTable()(T.from_list([in_gate, transform]))]))
    next_h = nn.CMulTable()(T.from_list([out_gate, nn.Tanh()(next_c)]))
    return nn.gModule(T.from_list([x, prev_c, prev_h]), T.from_list([next_c, next_h]))


def bench_lstm(pt, rounds):
    from th import nngraph, torch  # noqa: F401
    from th.lua.table import LuaTable
    b, n_in, rnn = 32, 64, 128
    rng = np.random.default_rng(0)
    arrays = [rng.standard_normal(s) for s in ((b, n_in), (b, rnn), (b, rnn), (b, rnn), (b, rnn))]
    torch.manualSeed(1)
    cell = _th_lstm(n_in, rnn)
    x, c, h, gc, gh = [_fill(torch.Tensor(*a.shape), a) for a in arrays]
    inp, grad = LuaTable.from_list([x, c, h]), LuaTable.from_list([gc, gh])

    def th_step():
        cell.zeroGradParameters()
        cell.forward(inp)
        cell.backward(inp, grad)

    i2h, h2h = pt.nn.Linear(n_in, 4 * rnn).double(), pt.nn.Linear(rnn, 4 * rnn).double()
    px, pc, ph = [pt.tensor(a, requires_grad=True) for a in arrays[:3]]
    pgc, pgh = pt.tensor(arrays[3]), pt.tensor(arrays[4])

    def pt_step():
        for p in (*i2h.parameters(), *h2h.parameters()):
            p.grad = None
        px.grad = pc.grad = ph.grad = None
        gates = (i2h(px) + h2h(ph)).view(b, 4, rnn)
        i, f, o = (pt.sigmoid(gates[:, k]) for k in range(3))
        next_c = f * pc + i * pt.tanh(gates[:, 3])
        next_h = o * pt.tanh(next_c)
        pt.autograd.backward([next_c, next_h], [pgc, pgh])

    times = _alternate({"gModule": th_step, "PyTorch": pt_step}, rounds)
    _line("lstm b32 h128", times, "gModule", ["PyTorch"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=None,
                    help="threads for both sides (default: all cores)")
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    import torch as pt
    threads = args.threads or os.cpu_count()
    pt.set_num_threads(threads)
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{threads} threads each side; PyTorch {pt.__version__}, numpy {np.__version__}; "
          f"float64, fwd+bwd per step")
    bench_mlp(pt, args.rounds)
    bench_lstm(pt, args.rounds)


if __name__ == "__main__":
    main()
