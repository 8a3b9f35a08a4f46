"""Joint projects and topics can be commented on (comments.registry). Both pages are open
to everyone; their comments are for member staff (comments.rules)."""

from comments.registry import commentable_register

from .models import JointProject, Topic


def register() -> None:
    """Called once from ProjectsConfig.ready()."""
    commentable_register(
        "projects.JointProject", visible_to=lambda user, project: True,
        visible=lambda user: JointProject.objects.all(),
        url=lambda project: project.get_absolute_url())
    commentable_register(
        "projects.Topic", visible_to=lambda user, topic: True,
        visible=lambda user: Topic.objects.all(),
        url=lambda topic: topic.get_absolute_url(), title_field="name")
