"""tasks: batch-altered columns, data through the connection

Revision ID: d4e5f6a7b8c9
Revises: c2a7e9d4f610
"""
from alembic import op
import sqlalchemy as sa

revision = 'd4e5f6a7b8c9'
down_revision = 'c2a7e9d4f610'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('tasks') as batch_op:
        batch_op.add_column(sa.Column('priority', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True, default='none'))
        batch_op.alter_column('title', type_=sa.String(300), nullable=False)
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE tasks SET priority = 1 WHERE priority IS NULL"))
    op.get_bind().execute(sa.text("INSERT INTO tasks (title, priority) VALUES ('first', 2)"))
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.alter_column('priority', nullable=False, server_default='0')
        batch_op.create_index('ix_tasks_priority', ['priority'])


def downgrade():
    with op.batch_alter_table('tasks') as batch_op:
        batch_op.drop_index('ix_tasks_priority')
        batch_op.drop_column('note')
        batch_op.drop_column('priority')
        batch_op.alter_column('title', type_=sa.String(200))
