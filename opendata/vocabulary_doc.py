"""The vocabulary documentation (Markdown), generated from the model."""

from __future__ import annotations

import yaml

from .model import Field, Model, ModelClass

NOTICE = "<!-- Generated from schemas/model.yaml by `opendata generate`; do not edit. -->"


def _range_text(model: Model, f: Field) -> str:
    if model.is_enum(f.range):
        return f"one of: {', '.join(f'`{v}`' for v in model.enums[f.range]['values'])}"
    if model.is_class(f.range):
        return f"[{f.range}](#{f.range.lower()})" + (" (inline)" if model.classes[f.range].inline else " (key)")
    return f.range


def _rdf_text(model: Model, f: Field) -> str:
    if f.private:
        return "not published"
    hops = " / ".join(f"`{hop.property}`" for hop in f.path)
    return (hops + " / " if hops else "") + (f"`{f.uri}`" if f.uri else "(the IRI)")


def _example_record(cls: ModelClass) -> dict:
    return {f.name: f.example for f in cls.field_list() if f.example is not None and not f.derived}


def _class_section(model: Model, cls: ModelClass) -> list[str]:
    lines = [f"## {cls.name}", "", f"*{cls.en}* / *{cls.nl}* — `{cls.uri}` "
             f"(IRIs: `{{base_iri}}{cls.iri}/{{id}}`)" if not cls.iri.startswith("#") else
             f"*{cls.en}* / *{cls.nl}* — `{cls.uri}` (IRIs: `{{letter IRI}}{cls.iri}-{{n}}`)", "",
             cls.description.get("en", ""), "", f"> {cls.description.get('nl', '')}", "",
             "| field | RDF | range | required | description |", "|---|---|---|---|---|"]
    for f in cls.field_list():
        many = " (list)" if f.multivalued else ""
        desc = f.description.get("en", f.en).replace("|", "\\|")
        lines.append(f"| `{f.name}` | {_rdf_text(model, f)} | {_range_text(model, f)}{many} | "
                     f"{'yes' if f.required else ''}{' (derived)' if f.derived else ''} | {desc} |")
    example = _example_record(cls)
    if example:
        where = f"`datasets/{cls.file}`" if cls.file else "inside a letter record"
        lines += ["", f"Example ({where}):", "", "```yaml",
                  yaml.safe_dump(example, allow_unicode=True, sort_keys=False).rstrip(), "```"]
    return lines + [""]


def _enum_section(model: Model) -> list[str]:
    lines = ["## Value lists", ""]
    for name, enum in model.enums.items():
        lines += [f"### {name}", "", f"{enum['description']['en']} / {enum['description']['nl']}", "",
                  "| value | IRI | nl | en |", "|---|---|---|---|"]
        for key, value in enum["values"].items():
            lines.append(f"| `{key}` | `{value['uri']}` | {value['nl']} | {value['en']} |")
        lines.append("")
    return lines


def vocabulary_markdown(model: Model) -> str:
    lines = [NOTICE, "", f"# The {model.name} vocabulary (model version {model.version})", "",
             "Every class and field of the model, the RDF term it publishes as, and an example record.",
             "Terms minted by this project live in "
             f"`{model.vocabulary}` (prefix `odnl:`) and are defined in `ontology.ttl`.", "",
             "Prefixes: " + ", ".join(f"`{p}:` {ns}" for p, ns in model.prefixes.items()), ""]
    for cls in model.classes.values():
        lines += _class_section(model, cls)
    lines += _enum_section(model)
    lines += ["## Terms minted here", "", "| term | nl | en | definition |", "|---|---|---|---|"]
    for curie, term in model.terms.items():
        lines.append(f"| `{curie}` | {term['nl']} | {term['en']} | {term['en_def']} |")
    return "\n".join(lines) + "\n"
