"""add users.email (nullable, backfilled, then NOT NULL)

Revision ID: 0c9d41e2aa10
Revises: a1f3c2d9e0b7
"""
from alembic import op
import sqlalchemy as sa

revision = '0c9d41e2aa10'
down_revision = 'a1f3c2d9e0b7'
branch_labels = None
depends_on = None


def upgrade():
    # Step 1: add as nullable
    op.add_column('users', sa.Column('email', sa.String(255), nullable=True))
    # Step 2: populate
    op.execute("UPDATE users SET email = username || '@example.com' WHERE email IS NULL")
    # Step 3: make it NOT NULL
    op.alter_column('users', 'email', nullable=False)


def downgrade():
    op.drop_column('users', 'email')
