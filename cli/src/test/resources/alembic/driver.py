"""Drives the installed Alembic for AlembicParitySpec: one process, one JSON request a line on stdin,
one JSON answer a line on stdout.

  {"op": "graph", "revs": [{"id", "revises": [], "dependsOn": [], "labels": []}]}
      writes the scripts to a fresh folder and opens a fresh in-memory SQLite database for them
  {"op": "run", "cmd": "upgrade"|"downgrade"|"stamp", "args": [...]}
  {"op": "history", "range": "FROM:TO"}
  {"op": "quit"}

Answers: {"ok": true|false, "error": "Type: message", "rows": [...], "steps": [["upgrade", id], ...],
"listed": [...]}. The migrations do nothing; the steps come from Alembic's on_version_apply hook and the
rows from its version table, so what is compared is Alembic's graph logic alone.
"""
import json
import os
import shutil
import sys
import tempfile
import warnings

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

ENV_PY = '''
from alembic import context
config = context.config
def on_apply(ctx, step, heads, run_args):
    if not step.is_stamp:
        config.attributes["steps"].append(["upgrade" if step.is_upgrade else "downgrade", step.up_revision_id])
context.configure(connection=config.attributes["connection"], on_version_apply=on_apply)
with context.begin_transaction():
    context.run_migrations()
'''

SCRIPT = '''revision = {id!r}
down_revision = {down!r}
branch_labels = {labels!r}
depends_on = {deps!r}


def upgrade():
    pass


def downgrade():
    pass
'''


def tuple_or_none(values):
    if not values:
        return None
    return values[0] if len(values) == 1 else tuple(values)


class Project:
    def __init__(self, revs):
        self.folder = tempfile.mkdtemp(prefix="alembic-parity-")
        versions = os.path.join(self.folder, "versions")
        os.makedirs(versions)
        with open(os.path.join(self.folder, "env.py"), "w") as f:
            f.write(ENV_PY)
        with open(os.path.join(self.folder, "script.py.mako"), "w") as f:
            f.write("")
        for i, r in enumerate(revs):
            with open(os.path.join(versions, "r%03d_%s.py" % (i, r["id"])), "w") as f:
                f.write(SCRIPT.format(id=r["id"], down=tuple_or_none(r["revises"]),
                                      labels=tuple_or_none(r.get("labels", [])),
                                      deps=tuple_or_none(r.get("dependsOn", []))))
        self.engine = create_engine("sqlite://")
        self.connection = self.engine.connect()
        self.config = Config()
        self.config.set_main_option("script_location", self.folder)
        self.config.attributes["connection"] = self.connection
        self.script = ScriptDirectory.from_config(self.config)
        # load the graph now, so a graph Alembic refuses fails here
        self.script.revision_map.heads

    def rows(self):
        try:
            return sorted(r[0] for r in self.connection.execute(text("SELECT version_num FROM alembic_version")))
        except Exception:
            return []

    def close(self):
        self.connection.close()
        self.engine.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


def error(e):
    return "%s: %s" % (type(e).__name__, e)


def main():
    project = None
    out = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        op = request["op"]
        answer = {"ok": True}
        try:
            if op == "quit":
                break
            if op == "graph":
                if project is not None:
                    project.close()
                    project = None
                project = Project(request["revs"])
            elif op == "run":
                project.config.attributes["steps"] = []
                args = request["args"]
                try:
                    with warnings.catch_warnings(record=True) as caught:
                        warnings.simplefilter("always")
                        if request["cmd"] == "upgrade":
                            command.upgrade(project.config, args[0])
                        elif request["cmd"] == "downgrade":
                            command.downgrade(project.config, args[0])
                        else:
                            command.stamp(project.config, args if len(args) > 1 else args[0])
                    answer["warnings"] = [str(w.message) for w in caught]
                except Exception as e:  # Alembic's own errors and its crashes alike
                    answer = {"ok": False, "error": error(e)}
                answer["steps"] = project.config.attributes["steps"]
                answer["rows"] = project.rows()
            elif op == "history":
                base, _, head = request["range"].partition(":")
                try:
                    answer["listed"] = [s.revision for s in
                                        project.script.walk_revisions(base=base or "base", head=head or "heads")]
                except Exception as e:
                    answer = {"ok": False, "error": error(e)}
        except Exception as e:
            answer = {"ok": False, "error": error(e), "load": op == "graph"}
        out.write(json.dumps(answer) + "\n")
        out.flush()
    if project is not None:
        project.close()


if __name__ == "__main__":
    main()
