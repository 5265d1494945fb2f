"""What the interviewer knows about a problem and answers when asked in step 1."""

from __future__ import annotations

from pydantic import Field

from coach.domain.rubric import ConceptId, Identifier, Line, Strict


class InterviewerFact(Strict):
    """One thing a candidate can ask about ("how many daily users?") and its answer.

    `asks` are the words a question about it would use; `concepts` are lexicon
    concepts that also point to it. `important` facts earn step-1 credit when
    asked, and the results name the ones never asked.
    """

    id: Identifier
    topic: Line  # short, shown in review: "users and scale"
    asks: list[Line] = Field(min_length=1)
    concepts: list[ConceptId] = Field(default_factory=list)
    answer: Line
    important: bool = False
