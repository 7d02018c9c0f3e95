"""三会一课 and organisational life: meeting records, plans, checks, exchange, demo.

``summary_of`` and ``general_meeting_summaries`` are the functions
``services.meeting_link`` imports for other capabilities.
"""

from villagebook.services.meetings.summary import general_meeting_summaries, summary_of

__all__ = ["general_meeting_summaries", "summary_of"]
