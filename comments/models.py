"""A comment of member staff on anything registered as commentable (comments.registry).

The commented thing is named by content type and id (a generic relation: comments sit
below the apps whose objects they comment on and cannot name their models). `target_key`
is the same as "app.model:pk", the key followers and recent changes use.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BODY_MAX_LENGTH = 5000
HIDE_REASON_MAX_LENGTH = 300
# Authors may correct their comment this long after posting it; later it stands as written.
EDIT_WINDOW = timedelta(minutes=15)


class Comment(models.Model):
    content_type = models.ForeignKey(ContentType, verbose_name=_("Art des Objekts"),
                                     on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("Nummer des Objekts"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("verfasst von"),
                               on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="comments")
    # The author's administration when they wrote it: the comment keeps speaking for it even
    # if the person moves on.
    administration = models.ForeignKey(
        "members.Administration", verbose_name=_("Verwaltung der Person"),
        on_delete=models.SET_NULL, null=True, blank=True, related_name="comments")
    body = models.TextField(_("Text (Markdown)"), max_length=BODY_MAX_LENGTH)
    mentions = models.ManyToManyField(
        "members.Administration", verbose_name=_("erwähnte Verwaltungen"), blank=True,
        related_name="comment_mentions")
    created_at = models.DateTimeField(_("geschrieben am"), default=timezone.now)
    edited_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("gelöscht am"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("ausgeblendet am"), null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ausgeblendet von"),
                                  on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="comments_hidden")
    hidden_reason = models.CharField(_("Grund für das Ausblenden"),
                                     max_length=HIDE_REASON_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["created_at", "pk"]
        indexes = [
            # The comments of one page, oldest first.
            models.Index(fields=["content_type", "object_id", "created_at"],
                         name="comment_target_idx"),
            # The newest comments for recent changes and notifications.
            models.Index(fields=["-created_at"], name="comment_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hidden_at__isnull=True) | ~models.Q(hidden_reason=""),
                name="comment_hidden_with_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.target_key} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("comments:comment", args=[self.pk])

    @property
    def target_key(self) -> str:
        """"app.model:pk" of the commented thing (ContentType rows are cached per process)."""
        content_type = ContentType.objects.get_for_id(self.content_type_id)
        return f"{content_type.app_label}.{content_type.model}:{self.object_id}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def editable_until(self):
        return self.created_at + EDIT_WINDOW
