"""Where tensor methods and `torch.*` functions are registered.

Each ops module marks its Lua-visible functions with `@method("name")` (a Tensor method,
`t:name(...)`) or `@function("name")` (a `torch.name(...)` function). `install()` puts
every method on the Tensor class and returns the torch-level functions, so the whole
user API is listed in one place: these two dicts.
"""
METHODS = {}
FUNCTIONS = {}


def method(name):
    """Register the decorated function as the Tensor method `name`."""
    def register(fn):
        METHODS[name] = fn
        return fn
    return register


def function(name):
    """Register the decorated function as `torch.name`."""
    def register(fn):
        FUNCTIONS[name] = fn
        return fn
    return register


def install(tensor_class):
    """Attach every registered method to `tensor_class`; return the torch.* functions.

    Both are guarded (th.torch.errors.guard): a call from Lua with arguments of the
    wrong number or type gets Torch7's "invalid arguments" message, never Python's.
    """
    from th.torch.errors import guard, signature_of, torch_form
    for name, fn in METHODS.items():
        setattr(tensor_class, name, guard(fn))
    return {name: guard(fn, torch_form(signature_of(fn, f"torch.{name}(...)"), name), name)
            for name, fn in FUNCTIONS.items()}


def refuse_math(tensor_class):
    """Give tensor_class (HalfTensor) none of the registered math, as in Torch7: its
    methods and the torch.* functions given one first raise "torch.HalfTensor does not
    implement the torch.name() function"."""
    from th.torch.errors import NO_MATH, no_math

    def refusal(name):
        def refuse(self, *args):
            raise no_math(tensor_class, name)
        refuse.__name__ = name
        refuse.__doc__ = (f"t:{name}(...): not available for {tensor_class.__typename__} "
                          f"(convert first: t:float():{name}(...)).\n\n"
                          f"    Example: x = h:float():{name}()\n    ")
        refuse.__wrapped__ = refuse        # nothing to guard
        return refuse
    for name in METHODS:
        setattr(tensor_class, name, refusal(name))
    NO_MATH.add(tensor_class)
