"""The OpenAPI 3.1 description, generated from the endpoints' own declarations (``SPECS``) and
their pydantic models: it cannot drift from the code."""

import re

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from tracker.api.core import SPECS, TITLES
from tracker.api.schemas import Problem

REF = "#/components/schemas/{model}"
_PATH_PARAM = re.compile(r"<(?:(int):)?(\w+)>")
_INTEGER = {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}


def _schemas() -> tuple[dict, dict]:
    """The JSON Schemas of every model, and how to refer to each (model, mode) pair."""
    pairs: list[tuple[type[BaseModel], str]] = [(Problem, "serialization")]
    for spec in SPECS:
        if spec.body is not None:
            pairs.append((spec.body, "validation"))
        if spec.response is not None:
            pairs.append((spec.response, "serialization"))
    unique = list(dict.fromkeys(pairs))
    refs, definitions = models_json_schema(unique, ref_template=REF)
    return refs, definitions.get("$defs", {})


def _query_parameters(model: type[BaseModel]) -> list[dict]:
    schema = model.model_json_schema(ref_template=REF)
    required = set(schema.get("required", []))
    parameters = []
    for name, prop in schema.get("properties", {}).items():
        parameter = {"name": name, "in": "query", "required": name in required, "schema": prop}
        if "description" in prop:
            parameter["description"] = prop["description"]
        parameters.append(parameter)
    return parameters


def document(url: str = "/api/v1/openapi.json") -> dict:
    refs, definitions = _schemas()
    paths: dict[str, dict] = {}
    for spec in SPECS:
        path = _PATH_PARAM.sub(r"{\2}", spec.rule)
        parameters = [
            {
                "name": name,
                "in": "path",
                "required": True,
                "schema": _INTEGER if converter == "int" else {"type": "string", "maxLength": 50},
            }
            for converter, name in _PATH_PARAM.findall(spec.rule)
        ]
        if spec.query is not None:
            parameters += _query_parameters(spec.query)
        responses: dict[str, dict] = {}
        ok = {"description": "OK" if spec.status == 200 else "Created"}
        if spec.response is not None:
            ok["content"] = {"application/json": {"schema": refs[(spec.response, "serialization")]}}
        else:
            ok["content"] = {"application/json": {"schema": {"type": "object"}}}
        responses[str(spec.status)] = ok
        for status in spec.errors:
            responses[str(status)] = {
                "description": TITLES.get(status, "Error"),
                "content": {
                    "application/problem+json": {"schema": refs[(Problem, "serialization")]}
                },
            }
        operation = {
            "operationId": spec.endpoint.replace(".", "_"),
            "summary": spec.summary,
            "tags": [spec.tag],
            "parameters": parameters,
            "responses": responses,
            "security": [] if spec.public else [{"bearerAuth": []}],
        }
        if spec.description:
            operation["description"] = spec.description
        if spec.body is not None:
            operation["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": refs[(spec.body, "validation")]}},
            }
        paths.setdefault(path, {})[spec.method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Coordination tracker API",
            "version": "1",
            "description": "The same records, permissions and audit as the web pages. Get a "
            "token with POST /api/v1/tokens, then send Authorization: Bearer <token>. Errors are "
            "application/problem+json (RFC 9457).",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": definitions,
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    }
