"""512-bit SIMD for numba kernels on CPUs that have it.

On AVX-512 CPUs LLVM vectorises loops with 256-bit vectors unless a function asks for
more (its "prefer-vector-width" attribute; clang's -mprefer-vector-width=512), to spare
older chips' frequency drop. numba has no option for it, so `wide_vectors()`, called
first in a kernel (inside the loop body of a prange loop, which numba compiles as a
function of its own), sets the attribute on the function being compiled. It changes
nothing on CPUs without AVX-512 and emits no instruction.

Measured on this project's VM (Xeon with AVX-512, numba 0.68), 1e6 doubles on one
thread: sigmoid (kernels/pointwise.py, compute-bound) 1019 -> 851 us; x + y 811 -> 826
us (memory-bound: no gain, so arith.py does not use it). Cached kernels that use it
reload from numba's disk cache in a fresh process (no recompilation).
"""
from numba import types
from numba.extending import intrinsic

_ATTRIBUTE = '"prefer-vector-width"="512"'


@intrinsic
def wide_vectors(typingctx):
    """Let LLVM vectorise the calling function with 512-bit vectors."""
    def codegen(context, builder, signature, args):
        # llvmlite only accepts enum attributes by name; a string attribute is added to
        # the underlying set directly (it prints as written).
        set.add(builder.function.attributes, _ATTRIBUTE)
        return context.get_dummy_value()
    return types.none(), codegen
