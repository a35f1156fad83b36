"""The graph package (nodes, edges, topological order) and the dot export: Torch7's text,
graph.dot's files (an svg through graphviz's `dot` when it exists: here a stand-in
program on PATH, so the test needs no graphviz), simple_print, annotateNodes and
setDebug's pictures of a failing graph."""
import os

import pytest

from th import nn
from th.lua.table import LuaTable
from th.nngraph import graph
from graph_check import lua_error, run

MLP = """
torch.manualSeed(1)
h1 = nn.Linear(20, 10)()
h2 = nn.Linear(10, 1)(nn.Tanh()(nn.Linear(10, 10)(nn.Tanh()(h1))))
mlp = nn.gModule({h1}, {h2})
"""


def test_graph_package_from_lua():
    out, _ = run("""
        require 'graph'
        a, b, c = graph.Node('a'), graph.Node('b'), graph.Node('c')
        g = graph.Graph()
        g:add({graph.Edge(a, b), graph.Edge(a, c), graph.Edge(b, c)})
        print(#g.nodes, #g.edges, a.id, b.id, c.id, #a.children, g.edges[3].from.data)
        print(g:roots()[1].data, g:leaves()[1].data)
        local order = {}
        for i, n in ipairs(g:topsort()) do order[i] = n.data end
        print(table.concat(order, ' '))
        rg = g:reverse()
        print(rg:roots()[1].data, rg.nodes[1] ~= c)
        seen = {}
        a:bfs(function(n) seen[#seen + 1] = n.data end)
        print(table.concat(seen, ' '))
        seen = {}
        a:dfs(function(n) seen[#seen + 1] = n.data end)
        print(table.concat(seen, ' '))
        print(#g:clone().nodes, g:clone().nodes[1] ~= a, g:clone().nodes[1].data)""")
    assert out == ("3\t3\t1\t2\t3\t2\tb\na\tc\na b c\nc\ttrue\na b c\nc b a\n3\ttrue\ta\n")


def test_graph_add_wants_edges():
    assert "graph.Edge or {graph.Edges} expected" in lua_error(
        "require 'graph'; graph.Graph():add(3)")
    assert "expects two graph.Node" in lua_error(
        "require 'graph'; graph.Graph():add(graph.Edge(1, 2))")


def test_topsort_of_a_deep_chain_does_not_recurse():
    nodes = [graph.Node(i) for i in range(5000)]
    g = graph.Graph()
    g.add(LuaTable.from_list([graph.Edge(a, b) for a, b in zip(nodes, nodes[1:])]))
    order = g.topsort()[0]
    assert [n.data for n in order.to_list()] == list(range(5000))


def test_dot_text_of_an_mlp_is_torch7s():
    out, _ = run(MLP + "print(mlp.fg:todot('MLP'))")
    expected = (
        'digraph G {\n'
        'labelloc="t";\nlabel="MLP";\n'
        'node [shape = oval]; \n'
        'n1[label="Node1\\nmodule = nn.Linear(10 -> 1)\\lreverseMap = {}" tooltip="[test]:5_"];\n'
        'n2[label="Node2\\ninput = {}\\lreverseMap = {}" tooltip="[test]:6_"];\n'
        'n3[label="Node3\\nmodule = nn.Tanh\\lreverseMap = {}" tooltip="[test]:5_"];\n'
        'n4[label="Node4\\nmodule = nn.Linear(10 -> 10)\\lreverseMap = {}" tooltip="[test]:5_"];\n'
        'n5[label="Node5\\nmodule = nn.Tanh\\lreverseMap = {}" tooltip="[test]:5_"];\n'
        'n6[label="Node6\\nmodule = nn.Linear(20 -> 10)\\lreverseMap = {}" tooltip="[test]:4_"];\n'
        'n7[label="Node7\\ninput = {}\\lreverseMap = {}" tooltip="[test]:6_"];\n'
        'n1 -> n2;\nn3 -> n1;\nn4 -> n3;\nn5 -> n4;\nn6 -> n5;\nn7 -> n6;\n'
        '}\n')
    assert out == expected


def test_labels_after_forward_and_backward_show_sizes():
    out, _ = run(MLP + """
        mlp:forward(torch.rand(20)); mlp:backward(torch.rand(20), torch.rand(1))
        print(mlp.fg.nodes[6]:label())""")
    assert out == ("module = nn.Linear(20 -> 10)\\lreverseMap = {}\\linput = {Tensor[20]}"
                   "\\lgradOutput = {Tensor[10]}\n")


def test_graph_dot_writes_the_dot_text_without_the_title(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))     # no graphviz
    prefix = tmp_path / "mlp"
    out, rt = run(MLP + f"graph.dot(mlp.fg, 'MLP', '{prefix}')\ntext = mlp.fg:todot()")
    assert (tmp_path / "mlp.dot").read_text() == rt.globals["text"]
    assert not (tmp_path / "mlp.svg").exists()


def test_graph_dot_renders_svg_with_graphviz(tmp_path, fake_dot):
    prefix = tmp_path / "fg"
    run(MLP + f"graph.dot(mlp.fg, 'Forward Graph', '{prefix}')")
    assert (tmp_path / "fg.svg").read_text() == "<svg/>"
    assert fake_dot.read_text().split() == ["-Tsvg", "-o", f"{prefix}.svg", f"{prefix}.dot"]


def test_graph_dot_without_a_file_name_says_where_it_wrote(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    out, _ = run(MLP + "graph.dot(mlp.fg, 'MLP')")
    path = out.strip().split("wrote ")[1]
    assert path.endswith(".dot") and os.path.exists(path)
    os.remove(path)


@pytest.mark.skipif(not __import__("shutil").which("dot"), reason="graphviz not installed")
def test_real_graphviz_renders_the_svg(tmp_path):
    run(MLP + f"graph.dot(mlp.fg, 'MLP', '{tmp_path / 'mlp'}')")
    assert "<svg" in (tmp_path / "mlp.svg").read_text()


def test_annotations_reach_the_dot_file(tmp_path, monkeypatch):
    # Torch7's test_annotateGraph, on th's files
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    prefix = tmp_path / "annotated"
    run(f"""
        input = nn.Identity()():annotate({{name = 'Input', description = 'DescA',
                                          graphAttributes = {{color = 'red'}}}})
        hidden_a = nn.Linear(10, 10)(input):annotate({{name = 'Hidden A', description = 'DescB',
            graphAttributes = {{color = 'blue', fontcolor = 'green', tooltip = 'I am green'}}}})
        hidden_b = nn.Sigmoid()(hidden_a)
        output = nn.Linear(10, 10)(hidden_b)
        net = nn.gModule({{input}}, {{output}})
        assert(hidden_a:label():match('DescB'))
        graph.dot(net.fg, 'Test', '{prefix}')""")
    text = (tmp_path / "annotated.dot").read_text()
    assert ('[label="Input (5)\\ndesc = DescA\\nmodule = nn.Identity\\lreverseMap = {}" '
            'color=red tooltip="[test]:3_"];') in text
    assert ('[label="Hidden A (4)\\ndesc = DescB\\nmodule = nn.Linear(10 -> 10)\\lreverseMap = {}" '
            'color=blue fontcolor=green tooltip="I am green"];') in text


def test_simple_print_leaves_out_identity_and_data_nodes(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    out, _ = run("""
        x = nn.Identity()()
        h = nn.Tanh()(nn.Linear(3, 3)(x))
        net = nn.gModule({x}, {nn.CAddTable()({h, x})})
        print(nngraph.simple_print.todot(net.fg, 'simple'))""" +
        f"\nnngraph.simple_print.dot(net.fg, 'simple', '{tmp_path / 's'}')")
    text = out.rstrip("\n")
    assert text.startswith('digraph G {\nlabelloc="t";\nlabel="simple";\nnode [shape = oval]; \n')
    assert "nn.Identity" not in text and "Node2" not in text
    lines = text.splitlines()
    assert [ln.split("[")[0] for ln in lines if "[label=" in ln] == ["n1", "n3", "n5"]
    assert [ln for ln in lines if "->" in ln and "[" not in ln] == ["n3 -> n1;", "n5 -> n3;"]
    assert (tmp_path / "s.dot").read_text() == text


def test_annotateNodes_names_nodes_after_locals():
    out, _ = run("""
        local function build()
            local input_x = nn.Identity()()
            local hidden = nn.Linear(3, 3)(input_x)
            local named = nn.Tanh()(hidden):annotate{name = 'kept'}
            local class = nn.Sigmoid()(named)
            nngraph.annotateNodes()
            return input_x, hidden, named, class
        end
        local a, b, c, d = build()
        print(a.data.annotations.name, b.data.annotations.name, c.data.annotations.name,
              d.data.annotations.name)
        e = nn.Identity()()
        nngraph.annotateNodes()
        print(e.data.annotations.name)""")
    assert out == "input_x\thidden\tkept\tclass\nnil\n"


def test_annotateNodes_at_the_console_names_persistent_locals():
    from th.lua import Runtime
    rt = Runtime()
    scope = rt.new_scope()
    rt.execute("require 'nngraph'", "=stdin", scope=scope)
    rt.execute("local inp = nn.Identity()()", "=stdin", scope=scope)
    rt.execute("nngraph.annotateNodes()", "=stdin", scope=scope)
    assert rt.execute("return inp.data.annotations.name", "=stdin", scope=scope) == ("inp",)


def test_setDebug_writes_the_failing_graph(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    err = lua_error("""
        nngraph.setDebug(true)
        local input_x = nn.Identity()()
        local linear = nn.Linear(10, 10)(input_x)
        net = nn.gModule({input_x}, {linear})
        net.name = 'my_bad_linear_net'
        ok, e = pcall(function() net:forward(torch.rand(11)) end)
        nngraph.setDebug(false)
        error(e)""")
    assert "size mismatch" in err or "inconsistent" in err or "11" in err
    assert capsys.readouterr().err == "saving my_bad_linear_net.svg\n"
    text = (tmp_path / "my_bad_linear_net.dot").read_text()
    assert text.startswith('digraph G {\nlabelloc="t";\nlabel="my_bad_linear_net";\n')
    failing = [ln for ln in text.splitlines() if "nn.Linear(10 -> 10)" in ln][0]
    node_id = failing.split("[")[0]
    assert text.endswith(f"{node_id}[style=filled, fillcolor=red];\n}}")


def test_setDebug_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lua_error("""
        x = nn.Identity()(); net = nn.gModule({x}, {nn.Linear(2, 2)(x)})
        net:forward(torch.rand(3))""")
    assert list(tmp_path.iterdir()) == []


def test_display_draws_the_forward_graph(tmp_path, fake_dot, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    out, _ = run("x = nn.Identity()(); net = nn.gModule({x}, {nn.Tanh()(x)})\nnngraph.display(net)")
    svg = out.strip().split("nngraph.display: ")[1]
    assert svg.endswith(".svg") and open(svg).read() == "<svg/>"
    assert open(svg[:-4] + ".dot").read().startswith("digraph G {\nlabelloc=")
    os.remove(svg)
    os.remove(svg[:-4] + ".dot")


def test_display_without_graphviz_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    err = lua_error("x = nn.Identity()(); net = nn.gModule({x}, {nn.Tanh()(x)})\nnngraph.display(net)")
    assert "needs graphviz's dot program" in err


def test_annotateNodes_leaves_upvalues_alone():
    out, _ = run("""
        local outer = nn.Identity()()
        local function inner()
            local mine = nn.Tanh()(outer)
            nngraph.annotateNodes()
            return mine
        end
        local m = inner()
        print(m.data.annotations.name, outer.data.annotations.name)""")
    assert out == "mine\tnil\n"
