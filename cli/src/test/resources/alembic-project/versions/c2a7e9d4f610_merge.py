"""merge the users and tasks branches

Revision ID: c2a7e9d4f610
Revises: 5e7a9b3c1d22, 3b8d2e6f9a14
"""
revision = 'c2a7e9d4f610'
down_revision = ('5e7a9b3c1d22', '3b8d2e6f9a14')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
