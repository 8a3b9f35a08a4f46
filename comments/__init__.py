"""Comments of member staff on articles, joint projects, topics and Rundfragen."""
