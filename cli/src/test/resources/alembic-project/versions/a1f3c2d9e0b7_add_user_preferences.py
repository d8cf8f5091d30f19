"""add user_preferences table

Revision ID: a1f3c2d9e0b7
Revises: b80c16c4db24
"""
from alembic import op
import sqlalchemy as sa

revision = 'a1f3c2d9e0b7'
down_revision = 'b80c16c4db24'
branch_labels = None
depends_on = None


def upgrade():
    """Apply schema changes"""
    op.create_table(
        'user_preferences',
        sa.Column('id', sa.BigInteger(), primary_key=True),
        sa.Column('user_id', sa.String(100), nullable=False),
        sa.Column('theme', sa.String(20), default='light'),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()')),
    )
    op.create_index('idx_user_prefs_user_id', 'user_preferences', ['user_id'])


def downgrade():
    """Rollback schema changes"""
    op.drop_index('idx_user_prefs_user_id')
    op.drop_table('user_preferences')
