"""create users table

Revision ID: b80c16c4db24
Revises:
Create Date: 2025-11-09 08:43:07
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic
revision = 'b80c16c4db24'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'users',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('username', sa.String(100), nullable=False, unique=True),
        sa.Column('first_name', sa.String(100)),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()')),
    )
    op.inline_literal("an Alembic call the importer does not know")


def downgrade():
    op.drop_table('users')
