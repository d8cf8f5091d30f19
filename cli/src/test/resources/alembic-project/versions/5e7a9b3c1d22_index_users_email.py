"""index users.email concurrently

Revision ID: 5e7a9b3c1d22
Revises: 0c9d41e2aa10
"""
from alembic import op

revision = '5e7a9b3c1d22'
down_revision = '0c9d41e2aa10'
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index('idx_users_email', 'users', ['email'], postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index('idx_users_email', table_name='users', postgresql_concurrently=True)
