"""paths: Torch7's file-name and directory package (Lua name `paths`).

Every function takes and returns Lua values (str, numbers, None, LuaTable), with the
results Torch7's C library gave: `paths.dirname('/a/b/c.lua')` is '/a/b',
`paths.concat('a', 'b')` is '<cwd>/a/b', `paths.mkdir` answers `true` or
`nil, message, errno`. File-name arithmetic follows Torch7's own algorithms (not
os.path's), so odd inputs such as 'a//b/' give what Torch7 gave.

Imports only the Lua value types and argument checks from th.lua; `paths.require`,
`paths.dofile` and `paths.thisfile` reach the running Lua engine lazily.
"""
import atexit as _atexit
import os as _os
import sys as _pysys
import tempfile as _tempfile

from th.lua.lib.args import NOARG, check_string as _check_string, typename as _typename
from th.lua.table import LuaTable as _LuaTable

__all__ = [
    "filep", "dirp", "basename", "dirname", "extname", "cwd", "concat", "execdir",
    "dir", "files", "iterdirs", "iterfiles", "mkdir", "rmdir", "rmall", "tmpname",
    "uname", "is_win", "is_mac", "home", "sep", "findprogram", "thisfile", "dofile",
    "require", "install_prefix", "install_bin",
]

sep = "/"
home = _os.environ.get("HOME") or "."
install_prefix = _pysys.prefix
install_bin = _os.path.dirname(_pysys.executable)


# ---- file names ------------------------------------------------------------------------

def filep(path=NOARG, *_):
    """paths.filep(path)

    True when `path` names an existing file that is not a directory.

    Example: paths.filep('/etc/hostname')   --> true
    """
    path = _check_string(path, 1, "filep")
    try:
        return not _os.path.isdir(path) and _os.path.exists(path)
    except (OSError, ValueError):
        return False


def dirp(path=NOARG, *_):
    """paths.dirp(path)

    True when `path` names an existing directory.

    Example: paths.dirp(paths.home)   --> true
    """
    path = _check_string(path, 1, "dirp")
    try:
        return _os.path.isdir(path)
    except (OSError, ValueError):
        return False


def basename(path=NOARG, suffix=None, *_):
    """paths.basename(path [, suffix])

    The last component of `path`; a trailing `.suffix` is removed when given.

    Example: paths.basename('/a/b/net.t7', 't7')   --> 'net'
    """
    path = _check_string(path, 1, "basename")
    # The component after the last slash that is followed by something other than '/'.
    start = 0
    for i in range(len(path) - 1):
        if path[i] == "/" and path[i + 1] != "/":
            start = i + 1
    end = path.find("/", start)
    name = path[start:] if end < 0 else path[start:end]
    if suffix is None or suffix is NOARG:
        return name
    suffix = _check_string(suffix, 2, "basename")
    if suffix.startswith("."):
        suffix = suffix[1:]
    if suffix and len(name) > len(suffix) and name.endswith("." + suffix):
        return name[:-len(suffix) - 1]
    return name


def dirname(path=NOARG, *_):
    """paths.dirname(path)

    Everything before the last component of `path` ('.' when there is none).

    Example: paths.dirname('/a/b/c.lua')   --> '/a/b'
    """
    path = _check_string(path, 1, "dirname")
    last = -1
    for i in range(len(path) - 1):
        if path[i] == "/" and path[i + 1] != "/":
            last = i
    if last < 0:
        return path if path.startswith("/") else "."
    return path[:max(last, 1)]


def extname(path=NOARG, *_):
    """paths.extname(path)

    The text after the last '.' of `path`, or no value when it has none.

    Example: paths.extname('model.t7')   --> 't7'
    """
    path = _check_string(path, 1, "extname")
    dot = path.rfind(".")
    return () if dot < 0 else path[dot + 1:]


def cwd(*_):
    """paths.cwd()

    The current working directory.

    Example: print(paths.cwd())
    """
    try:
        return _os.getcwd()
    except OSError:
        return "."


def concat(*parts):
    """paths.concat([path, ...])

    Joins path components onto the current directory; an absolute component restarts
    the path, '.' is skipped and '..' drops the previous component.

    Example: paths.concat('/data', 'mnist', '..', 'cifar')   --> '/data/cifar'
    """
    result = cwd()
    for i, part in enumerate(parts):
        result = _concat_one(result, _check_string(part, i + 1, "concat"))
    return result


def _concat_one(base, name):
    out = "/" if name.startswith("/") else base
    for piece in name.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            out = out.rstrip("/")
            out = out[:out.rfind("/") + 1] if "/" in out else ""
            continue
        if not out.endswith("/"):
            out += "/"
        out += piece
    out = out.rstrip("/")
    return out or "/"


def execdir(*_):
    """paths.execdir()

    The directory holding the running `th` executable.

    Example: print(paths.execdir())
    """
    return install_bin


# ---- directories ------------------------------------------------------------------------

def dir(path=NOARG, *_):  # noqa: A001 -- Torch7's name
    """paths.dir(path)

    A table of the names in directory `path`, '.' and '..' included, or nil when `path`
    is not a directory.

    Example: for _, f in ipairs(paths.dir('.')) do print(f) end
    """
    path = _check_string(path, 1, "dir")
    try:
        names = _os.listdir(path)
    except (OSError, ValueError):
        return None
    return _LuaTable.from_list([".", ".."] + sorted(names))


def files(path=NOARG, include=None, *_):
    """paths.files(path [, filter])

    An iterator over the names in directory `path` ('.' and '..' included). `filter` is
    a Lua pattern the name must contain, or a function returning true for names to keep.

    Example: for f in paths.files('.', '%.lua$') do print(f) end
    """
    return _iterate(dir(path), _name_filter(include))


def _iterate(names, keep):
    """A Lua iterator function over the names of LuaTable `names` (None: nothing) that `keep`."""
    items = iter(names.to_list() if names is not None else [])

    def next_name(*_):
        for name in items:
            if keep(name):
                return name
        return None
    return next_name


def _name_filter(include):
    if include is None or include is NOARG:
        return lambda name: True
    if isinstance(include, str):
        return lambda name: _lua_find(name, include)
    if _typename(include) == "function":
        return lambda name: _truthy(_call_lua(include, name))
    raise RuntimeError("Expecting optional arg 2 to be function or string. Got : "
                       + _typename(include))


def _truthy(v):
    return v is not None and v is not False


def iterdirs(path=NOARG, *_):
    """paths.iterdirs(path)

    An iterator over the subdirectories of `path` (without '.' and '..').

    Example: for d in paths.iterdirs('.') do print(d) end
    """
    path = _check_string(path, 1, "iterdirs")
    return _iterate(dir(path), lambda name: name not in (".", "..")
                    and dirp(concat(path, name)))


def iterfiles(path=NOARG, *_):
    """paths.iterfiles(path)

    An iterator over the files (not directories) in `path`.

    Example: for f in paths.iterfiles('.') do print(f) end
    """
    path = _check_string(path, 1, "iterfiles")
    return _iterate(dir(path), lambda name: name not in (".", "..")
                    and filep(concat(path, name)))


def mkdir(path=NOARG, *_):
    """paths.mkdir(path)

    Creates directory `path` and any missing parents. Returns true, or nil, a message
    and an error number.

    Example: paths.mkdir('/tmp/results/run1')   --> true
    """
    path = _check_string(path, 1, "mkdir")
    parent = dirname(path)
    if not dirp(parent):
        mkdir(parent)
    return _os_result(_os.mkdir, path)


def rmdir(path=NOARG, *_):
    """paths.rmdir(path)

    Removes the empty directory `path`. Returns true, or nil, a message and an error
    number.

    Example: paths.rmdir('/tmp/results/run1')
    """
    path = _check_string(path, 1, "rmdir")
    return _os_result(_os.rmdir, path)


def _os_result(action, path):
    try:
        action(path)
    except OSError as e:
        return None, f"{path}: {_os.strerror(e.errno)}", e.errno
    return True


def rmall(path=NOARG, confirm=None, *_):
    """paths.rmall(path, 'yes')

    Removes `path` and everything below it. The second argument must be the string
    'yes'. Returns true, or nil, a message and the path that failed.

    Example: paths.rmall('/tmp/results', 'yes')
    """
    path = _check_string(path, 1, "rmall")
    if confirm != "yes":
        return None, "missing second argument ('yes')"
    # Better than Torch7: a symbolic link is removed, never followed into its target.
    if filep(path) or _os.path.islink(path):
        return _remove_file(path)
    if not dirp(path):
        return None, "not a file or directory", path
    for name in _os.listdir(path):
        child = concat(path, name)
        result = rmall(child, "yes")
        if not isinstance(result, bool):
            return None, result[1], child
    return rmdir(path)


def _remove_file(path):
    try:
        _os.remove(path)
    except OSError as e:
        return None, f"{path}: {_os.strerror(e.errno)}", e.errno
    return True


_tmpnames = []


def tmpname(*_):
    """paths.tmpname()

    The name of a new temporary file (created empty); it is removed when th exits.

    Example: f = paths.tmpname(); torch.save(f, x)
    """
    fd, name = _tempfile.mkstemp(prefix="luatmp")
    _os.close(fd)
    if not _tmpnames:
        _atexit.register(_remove_tmpnames)
    _tmpnames.append(name)
    return name


def _remove_tmpnames():
    for name in _tmpnames:
        try:
            _os.remove(name)
        except OSError:
            pass


# ---- the system -------------------------------------------------------------------------

def uname(*_):
    """paths.uname()

    Three strings: the system name ('Linux', 'Darwin', ...), the host name and the
    machine ('x86_64', ...).

    Example: sysname, host, machine = paths.uname()
    """
    info = _os.uname()
    return info.sysname, info.nodename, info.machine


def is_win(*_):
    """paths.is_win()

    'Windows' when running on Windows, else nil (Torch7 returned the match, not a boolean).

    Example: if paths.is_win() then print('windows') end
    """
    return "Windows" if "Windows" in uname()[0] else None


def is_mac(*_):
    """paths.is_mac()

    'Darwin' when running on macOS, else nil (Torch7 returned the match, not a boolean).

    Example: if paths.is_mac() then print('mac') end
    """
    return "Darwin" if "Darwin" in uname()[0] else None


def findprogram(*names):
    """paths.findprogram(name [, ...])

    The full path of the first of the given programs found on the PATH, or nil.

    Example: paths.findprogram('gnuplot', 'python3')
    """
    search = (_os.environ.get("PATH") or ".").split(":")
    for i, name in enumerate(names):
        name = _check_string(name, i + 1, "findprogram")
        for folder in search:
            if folder and filep(concat(folder, name)):
                return concat(folder, name)
    return None


# ---- Lua files --------------------------------------------------------------------------

def thisfile(arg=None, depth=None, *_):
    """paths.thisfile([name])

    The full path of the Lua file calling it (nil at the prompt). With `name`, that
    name resolved in the calling file's directory.

    Example: data = paths.thisfile('data.t7')
    """
    source = _calling_file()
    if isinstance(arg, str):
        return concat(dirname(source), arg) if source else arg
    return source


def dofile(name=NOARG, depth=None, *_):
    """paths.dofile(name)

    Runs the Lua file `name`, found relative to the calling file's directory; returns
    what the file returns.

    Example: paths.dofile('model.lua')
    """
    name = _check_string(name, 1, "dofile")
    source = _calling_file()
    if source:
        name = concat(dirname(source), name)
    dofile_ = _runtime().globals["dofile"]
    return _call_lua(dofile_, name)


def require(name=NOARG, *_):
    """paths.require(name)

    Loads package `name` as the global `require` does.

    Example: paths.require('nn')
    """
    name = _check_string(name, 1, "require")
    return _runtime().require(name)


# ---- reaching the Lua engine (lazily: paths must import without it) ----------------------

def _runtime():
    from th.lua import current_runtime
    runtime = current_runtime()
    if runtime is None:
        raise RuntimeError("no Lua runtime is running")
    return runtime


def _call_lua(fn, *args):
    """Call a Lua value from Python and return its first result."""
    from th.lua import runtime as rt
    results = rt.call(fn, *args)
    if isinstance(results, tuple):
        return results[0] if results else None
    return results


def _lua_find(s, pattern):
    """True when Lua's `s:find(pattern)` matches."""
    from th.lua.lib.string import str_find
    return str_find(s, pattern)[0] is not None


def _calling_file():
    """The full path of the Lua file of the innermost Lua function running, or None."""
    try:
        from th.lua import errors
        frame = next(errors.lua_frames(1), None)
        chunk = errors.chunk_of(frame.f_code) if frame is not None else None
    except (ImportError, AttributeError):
        return None
    if chunk is None:
        return None
    name = getattr(chunk, "chunkname", None)      # Lua's own chunkname, '@file.lua'
    if isinstance(name, str):
        return concat(name[1:]) if name.startswith("@") else None
    # Only the displayed name is known: a file's name unless it is a string chunk,
    # stdin, or shortened with a leading '...'.
    shown = chunk.name
    if shown.startswith(("[string", "...")) or shown in ("stdin", "?"):
        return None
    return concat(shown)
