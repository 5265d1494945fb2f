"""Read YAML safely and map a key path back to the line it was written on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 2_000_000


class YamlReadError(Exception):
    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class YamlDocument:
    data: Any
    root: yaml.Node | None

    def position(self, path: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        """1-based (line, column) of the deepest node along `path` that exists."""
        node = self.root
        best: yaml.Node | None = node
        for part in path:
            node = _child(node, part)
            if node is None:
                break
            best = node
        if best is None:
            return None, None
        return best.start_mark.line + 1, best.start_mark.column + 1


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(part):
                # Point at the key itself when its value is empty, otherwise at the value.
                return value_node if value_node.value not in ("", None, []) else key_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def read_yaml(path: Path) -> YamlDocument:
    """Parse one file with the safe loader; any problem becomes a YamlReadError with a line."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise YamlReadError(f"cannot read file: {error.strerror or error}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise YamlReadError(f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlReadError("file is not valid UTF-8 text", line) from None
    try:
        root, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = error.problem or error.context or "invalid YAML"
        if mark is None:
            raise YamlReadError(f"invalid YAML: {reason}") from None
        raise YamlReadError(f"invalid YAML: {reason}", mark.line + 1, mark.column + 1) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise YamlReadError(f"invalid YAML: {error}") from None
    return YamlDocument(data, root)


# libyaml's safe loader when PyYAML was built with it (ten times faster), else the pure one.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """What `yaml.safe_load` does, keeping the node tree for line numbers (one parse)."""
    loader = _SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return root, data
