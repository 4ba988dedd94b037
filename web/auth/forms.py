"""The login form (Flask-WTF: every form carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    naam = StringField("Gebruikersnaam", validators=[DataRequired("Vul uw gebruikersnaam in."), Length(max=64)],
                       render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"})
    wachtwoord = PasswordField("Wachtwoord", validators=[DataRequired("Vul uw wachtwoord in."), Length(max=256)],
                               render_kw={"autocomplete": "current-password"})


class EmptyForm(FlaskForm):
    """A form with only the CSRF token (logout, block)."""
