"""Rasa's model graphs run in a fixed order instead of through dask."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text


def _run_order(runner: Any, targets: Sequence[Text]) -> List[Any]:
    """(node name, names it needs) for every node ``targets`` depend on, dependencies first."""
    cache = runner.__dict__.setdefault("_run_orders", {})
    key = tuple(targets)
    if key not in cache:
        schema = runner._graph_schema.minimal_graph_schema(list(targets))
        order: List[Any] = []
        seen = set()

        def visit(name: Text) -> None:
            if name in seen or name not in schema.nodes:
                return
            seen.add(name)
            needs = tuple(schema.nodes[name].needs.values())
            for dependency in needs:
                visit(dependency)
            order.append((name, needs))

        for target in targets:
            visit(target)
        cache[key] = order
    return cache[key]


def run_graphs_in_order() -> None:
    """Run Rasa's graphs (the NLU pipeline, the policies) in a fixed order, without dask.

    ``DaskGraphRunner.run`` rebuilds the minimal graph and a dask task graph,
    has dask order it, and formats a debug message with its inputs on every
    call: a third of each policy prediction here. The graph and its targets do
    not change while a model is loaded, so the dependency order is computed
    once per target list and the nodes are called in it, each once, with the
    outputs of the nodes it needs, as dask's synchronous scheduler does.
    Inputs that clash with a node name and component errors are reported as
    in Rasa.
    """
    import logging

    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.engine.runner.dask import logger as runner_log

    if getattr(DaskGraphRunner.run, "_in_order", False):
        return

    def run(self, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        order = _run_order(self, run_targets)
        values: Dict[Text, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and (value in values or any(value == node for node, _ in order)):
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure "
                    f"that none of the input names passed to the `run` method are the "
                    f"same as node names in the graph schema."
                )
            values[name] = (name, value)
        if runner_log.isEnabledFor(logging.DEBUG):
            runner_log.debug(f"Running graph with inputs: {inputs}, targets: {targets} "
                             f"and {self._execution_context}.")
        try:
            for name, needs in order:
                if name not in values:  # an input of the same name replaces the node, as in dask
                    values[name] = self._instantiated_nodes[name](*(values.get(n, n) for n in needs))
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e
        return dict(values[target] for target in run_targets)

    run._in_order = True  # type: ignore[attr-defined]
    run._original = DaskGraphRunner.run  # type: ignore[attr-defined]
    DaskGraphRunner.run = run
