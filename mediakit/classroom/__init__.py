"""Classroom tools: the student-copy generator (:mod:`.make_exercises`) and the class report (:mod:`.report`).

Nothing is imported here, so that ``import mediakit`` and the CLI stay light.
"""
