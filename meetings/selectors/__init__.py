"""Read functions of the meetings app, shaped for their pages so the number of queries does
not grow with the data. One module per area:

meetings   the meeting list, the meeting page (agenda, registrations, minutes, action
           items), an administration's meetings
dashboard  the start page panels: my next meetings, my open action items
planning   the planning help: next date by the group's cadence, host suggestion
groups     the working group list and page
calendar   the meetings in a personal calendar feed
public     what anyone may see of a meeting's records (visitor page, OParl)
"""
