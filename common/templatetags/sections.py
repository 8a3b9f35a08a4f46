"""`{% page_sections "members.administration" administration %}`: the sections other apps
registered for this page (see common.sections), rendered in their order."""

from django import template
from django.utils.safestring import mark_safe

from common.sections import page

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, name: str, obj=None) -> str:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    parts = []
    for section, section_context in page(name).resolve(user=user, obj=obj):
        # The page's context stays visible (perms, request, the object), as with {% include %}.
        with context.push(section_context):
            parts.append(context.template.engine.get_template(section.template).render(context))
    return mark_safe("".join(parts))  # noqa: S308 - rendered by autoescaping templates
