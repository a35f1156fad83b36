"""Training-step speed of th's nn beside the same models in PyTorch (CPU), one run.

    python bench/nn_train.py [--threads N] [--rounds R] [--busy N] [--only NAME]

Each benchmark builds one model in th and the same model in PyTorch (same shapes, same
dtype, same thread count), then alternates the two for R rounds and reports the median
and best time per step and the ratio th / PyTorch (lower is better; the goals are
<= 1.5 for the MLP step and <= 2 for the convnet). Alternating keeps a busy machine's
noise roughly equal on both sides.

- mlp: one SGD step (zeroGradParameters, forward, ClassNLLCriterion forward and
  backward, backward, updateParameters) of Linear 784->256, ReLU, Linear 256->10,
  LogSoftMax on a batch of 128; PyTorch does the same (its input requires a gradient,
  since nn's backward always computes the first layer's gradInput).
- convnet: forward + backward (zeroGradParameters, forward, backward with a fixed
  gradOutput) of a LeNet-style net on a batch of 32 3x32x32 images:
  conv 3->6 5x5, ReLU, max-pool 2x2, conv 6->16 5x5, ReLU, max-pool 2x2, view 400,
  Linear 400->120, ReLU, Linear 120->10. Torch7 computes the first layer's gradInput
  too, so the PyTorch input requires a gradient as well.
- conv-backward: SpatialConvolutionMM(16, 16, 5, 5)'s backward pass (updateGradInput
  and accGradParameters) on an 8x16x14x14 batch, against PyTorch's backward of the
  same conv2d.

`--busy N` keeps N busy-loop processes (`while True: pass`) running while measuring: a
machine with another job on it. Threads that spin while they wait (OpenBLAS's, OpenMP's)
then cost far more than one thread; the median and the 90th percentile show it.
"""
import argparse
import os
import platform
import statistics
import sys
import time


def _early_threads():
    """--threads N must reach OpenBLAS, OpenMP and numba before numpy loads them."""
    for i, a in enumerate(sys.argv):
        n = a.split("=", 1)[1] if a.startswith("--threads=") else (
            sys.argv[i + 1] if a == "--threads" and i + 1 < len(sys.argv) else None)
        if n:
            for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                        "NUMBA_NUM_THREADS", "TH_NUM_THREADS"):
                os.environ[var] = n


_early_threads()
import th  # noqa: E402,F401  (first: it sets OpenBLAS's thread timeout before numpy loads)
import numpy as np  # noqa: E402


def _timeit(step, rounds, warmup=3):
    for _ in range(warmup):
        step()
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    return times


# Untimed pause when switching sides: each library's idle threads spin for a while after
# its last call (PyTorch's OpenMP ones, OpenBLAS's) and would slow the other side's
# first steps, which th.torch.adaptive then takes for a loaded machine.
SETTLE = 0.02


def _side_by_side(th_step, pt_step, rounds, chunk=20):
    """Alternate th and PyTorch in chunks; return their lists of step times."""
    th_times, pt_times = [], []
    _timeit(th_step, 0, 3)
    _timeit(pt_step, 0, 3)
    for _ in range(max(1, rounds // chunk)):
        time.sleep(SETTLE)
        th_times += _timeit(th_step, chunk, 0)
        time.sleep(SETTLE)
        pt_times += _timeit(pt_step, chunk, 0)
    return th_times, pt_times


def _p90(times):
    return sorted(times)[int(0.9 * (len(times) - 1))]


def _report(name, th_times, pt_times):
    tm, pm = statistics.median(th_times), statistics.median(pt_times)
    tb, pb = min(th_times), min(pt_times)
    print(f"{name:<26} th {tm * 1e3:7.2f} ms (best {tb * 1e3:6.2f}, p90 "
          f"{_p90(th_times) * 1e3:7.2f})   PyTorch {pm * 1e3:7.2f} ms (best {pb * 1e3:6.2f}, "
          f"p90 {_p90(pt_times) * 1e3:7.2f})   ratio {tm / pm:5.2f} (best {tb / pb:5.2f})"
          f"   stalls {_stalls()}")


def _stalls():
    """Calls th.torch.adaptive has found stalled so far (each moves th to its sleeping
    threads for a while)."""
    from th.torch import adaptive
    return adaptive.stalls


# ---- MLP 784-256-10 (batch 128), one SGD step ---------------------------------------------

def bench_mlp(pt, rounds, dtype):
    """One SGD step of an MLP 784-256-10 at batch 128, th vs PyTorch, in `dtype`."""
    from th import nn, torch
    name = "torch.FloatTensor" if dtype == np.float32 else "torch.DoubleTensor"
    rng = np.random.default_rng(0)
    x_np = rng.standard_normal((128, 784)).astype(dtype)
    y_np = rng.integers(0, 10, 128)

    net = nn.Sequential().add(nn.Linear(784, 256)).add(nn.ReLU()).add(nn.Linear(256, 10))
    net.add(nn.LogSoftMax())
    net.type(name)
    crit = nn.ClassNLLCriterion()
    x = torch.Tensor(128, 784).type(name)
    x.numpy()[...] = x_np
    y = torch.LongTensor(128)
    y.numpy()[...] = y_np + 1

    def th_step():
        net.zeroGradParameters()
        out = net.forward(x)
        crit.forward(out, y)
        net.backward(x, crit.backward(out, y))
        net.updateParameters(0.01)

    ptdt = pt.float32 if dtype == np.float32 else pt.float64
    pnet = pt.nn.Sequential(pt.nn.Linear(784, 256), pt.nn.ReLU(), pt.nn.Linear(256, 10),
                            pt.nn.LogSoftmax(dim=1)).to(ptdt)
    pcrit = pt.nn.NLLLoss()
    px = pt.tensor(x_np, requires_grad=True)
    py = pt.tensor(y_np)

    def pt_step():
        pnet.zero_grad(set_to_none=False)
        px.grad = None
        pcrit(pnet(px), py).backward()
        with pt.no_grad():
            for p in pnet.parameters():
                p.add_(p.grad, alpha=-0.01)

    label = f"mlp b128 sgd step {'f32' if dtype == np.float32 else 'f64'}"
    _report(label, *_side_by_side(th_step, pt_step, rounds))


# ---- convnet (LeNet-style, batch 32) --------------------------------------------------------

def _th_lenet():
    from th.nn.activation import ReLU
    from th.nn.containers import Sequential
    from th.nn.conv import SpatialConvolution
    from th.nn.linear import Linear
    from th.nn.pooling import SpatialMaxPooling
    from th.nn.shape import View
    net = Sequential()
    for m in (SpatialConvolution(3, 6, 5, 5), ReLU(), SpatialMaxPooling(2, 2, 2, 2),
              SpatialConvolution(6, 16, 5, 5), ReLU(), SpatialMaxPooling(2, 2, 2, 2),
              View(16 * 5 * 5), Linear(400, 120), ReLU(), Linear(120, 10)):
        net.add(m)
    return net


def _pt_lenet(pt):
    nn = pt.nn
    return nn.Sequential(nn.Conv2d(3, 6, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
                         nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
                         nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 10))


def bench_convnet(pt, rounds, dtype):
    """LeNet-style forward + backward at batch 32, th vs PyTorch, in `dtype`."""
    from th import torch
    name = "torch.FloatTensor" if dtype == np.float32 else "torch.DoubleTensor"
    rng = np.random.default_rng(0)
    x_np = rng.standard_normal((32, 3, 32, 32)).astype(dtype)
    g_np = rng.standard_normal((32, 10)).astype(dtype)

    net = _th_lenet().type(name)
    x = torch.Tensor(32, 3, 32, 32).type(name)
    x.numpy()[...] = x_np
    g = torch.Tensor(32, 10).type(name)
    g.numpy()[...] = g_np

    def th_step():
        net.zeroGradParameters()
        net.forward(x)
        net.backward(x, g)

    ptdt = pt.float32 if dtype == np.float32 else pt.float64
    pnet = _pt_lenet(pt).to(ptdt)
    px = pt.tensor(x_np, requires_grad=True)
    pg = pt.tensor(g_np)

    def pt_step():
        pnet.zero_grad(set_to_none=False)
        px.grad = None
        pnet(px).backward(pg)

    label = f"convnet b32 fwd+bwd {'f32' if dtype == np.float32 else 'f64'}"
    _report(label, *_side_by_side(th_step, pt_step, rounds))


# ---- one convolution's backward pass ----------------------------------------------------

def bench_conv_backward(pt, rounds, dtype):
    """SpatialConvolutionMM(16, 16, 5, 5) backward on 8x16x14x14, th vs PyTorch."""
    from th import nn, torch
    name = "torch.FloatTensor" if dtype == np.float32 else "torch.DoubleTensor"
    rng = np.random.default_rng(0)
    x_np = rng.standard_normal((8, 16, 14, 14)).astype(dtype)
    conv = nn.SpatialConvolutionMM(16, 16, 5, 5).type(name)
    x = torch.Tensor(8, 16, 14, 14).type(name)
    x.numpy()[...] = x_np
    g_np = rng.standard_normal(conv.forward(x).numpy().shape).astype(dtype)
    g = torch.Tensor(*g_np.shape).type(name)
    g.numpy()[...] = g_np

    def th_step():
        conv.updateGradInput(x, g)
        conv.accGradParameters(x, g, 1)

    px = pt.tensor(x_np, requires_grad=True)
    pw = pt.tensor(conv.weight.numpy(), requires_grad=True)
    pb = pt.tensor(conv.bias.numpy(), requires_grad=True)
    out = pt.nn.functional.conv2d(px, pw, pb)
    pg = pt.tensor(g_np)

    def pt_step():
        out.backward(pg, retain_graph=True)

    label = f"conv bwd 8x16x14x14 {'f32' if dtype == np.float32 else 'f64'}"
    _report(label, *_side_by_side(th_step, pt_step, rounds))


BENCHES = [("mlp", bench_mlp), ("convnet", bench_convnet),
           ("conv-backward", bench_conv_backward)]



def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=None,
                    help="threads for both sides (default: all cores)")
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--only", default=None, help="run only this benchmark")
    ap.add_argument("--busy", type=int, default=0, metavar="N",
                    help="keep N other processes busy (one core each) while measuring")
    args = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from tensor_ops import start_busy_loops      # the tensor benchmark's --busy
    start_busy_loops(args.busy)
    import torch as pt
    import numba
    threads = args.threads or os.cpu_count()
    pt.set_num_threads(threads)
    numba.set_num_threads(min(threads, numba.config.NUMBA_NUM_THREADS))
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{threads} threads each side, {args.busy} busy-loop processes; "
          f"PyTorch {pt.__version__}, numpy {np.__version__}")
    for name, fn in BENCHES:
        if args.only in (None, name):
            for dtype in (np.float64, np.float32):
                fn(pt, args.rounds, dtype)


if __name__ == "__main__":
    main()
