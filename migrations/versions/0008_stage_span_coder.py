"""stage span coder: who marked a passage as belonging to a stage

Codings always recorded their coder; a stage span did not, so with several coders (issue 17) one
coder's stage marks could not be told from another's. ``stage_span`` gets ``coder`` (the name, as
``document_edit`` and ``link`` keep it); existing spans get '' (unknown). SQLite adds a column with a
constant default in place, so no table is copied.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 08:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('stage_span', sa.Column('coder', sa.String(length=200), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('stage_span', schema=None) as batch_op:
        batch_op.drop_column('coder')
