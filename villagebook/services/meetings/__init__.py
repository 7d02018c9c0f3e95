"""三会一课 and organisational life: meeting records, plans, checks, exchange, demo.

Other capabilities read a linked general meeting through :mod:`.queries`
(``meeting_summary``, ``general_meetings``).
"""
