"""create tasks with the taskstatus enum

Revision ID: 3b8d2e6f9a14
Revises: a1f3c2d9e0b7
"""
from alembic import op
import sqlalchemy as sa

revision = '3b8d2e6f9a14'
down_revision = 'a1f3c2d9e0b7'
branch_labels = ('tasks',)
depends_on = None


def upgrade():
    op.create_table(
        'tasks',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('title', sa.String(200), nullable=False),
        sa.Column('status', sa.Enum('todo', 'in_progress', 'done', name='taskstatus'), nullable=False,
                  server_default='todo'),
    )
    op.create_table(
        'status_history',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('task_id', sa.Integer(), sa.ForeignKey('tasks.id', ondelete='CASCADE'), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), server_default=sa.func.now()),
    )


def downgrade():
    op.drop_table('status_history')
    op.drop_table('tasks')
    sa.Enum(name='taskstatus').drop(op.get_bind())
