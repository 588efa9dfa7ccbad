"use client";

import { useEffect, useMemo, useState } from "react";
import { TextField } from "@/components/forms/Field";
import { checkLoginAvailability, checkPasswordStrength, submitSignupStep } from "@/lib/account/actions";
import { estimateStrength, passwordRuleText, strengthLabels, type PasswordRule, type StrengthLevel } from "@/lib/account/password-rule";
import { LOGIN_PATTERN } from "@/lib/account/wizard-fields";
import { ChildKeyFieldset } from "../ChildKeyFieldset";
import { StepForm } from "../StepForm";
import { useServerForm as useWizardForm } from "@/components/forms/useServerForm";

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export function AuthenticationStep({
  defaults,
  rule,
  passwordAlreadySet,
}: {
  defaults: { login?: string; childKey?: string };
  rule: PasswordRule;
  passwordAlreadySet: boolean;
}) {
  // Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm).
  const schema = useMemo(
    () => () => import("@/lib/account/schemas").then((module) => module.authenticationSchema(rule, { passwordKept: passwordAlreadySet })),
    [rule, passwordAlreadySet],
  );
  const wizard = useWizardForm(schema, submitSignupStep.bind(null, "authentification"), {
    login: defaults.login ?? "",
    childKey: defaults.childKey ?? "",
    password: "",
    passwordConfirmation: "",
  });
  const { register, watch } = wizard.form;
  const login = useDebounced(String(watch("login") ?? ""), 400);
  const password = String(watch("password") ?? "");
  const debouncedPassword = useDebounced(password, 400);
  const [loginStatus, setLoginStatus] = useState<{ login: string; available: boolean; message?: string } | null>(null);
  const [serverStrength, setServerStrength] = useState<{ password: string; score: number; message?: string } | null>(null);

  useEffect(() => {
    const normalized = login.trim().toLowerCase();
    if (!LOGIN_PATTERN.test(normalized)) return;
    let current = true;
    void checkLoginAvailability(normalized).then((result) => current && setLoginStatus({ login: normalized, ...result }));
    return () => {
      current = false;
    };
  }, [login]);

  useEffect(() => {
    if (!debouncedPassword) return;
    let current = true;
    void checkPasswordStrength(debouncedPassword).then(
      (result) => current && setServerStrength({ password: debouncedPassword, ...result }),
    );
    return () => {
      current = false;
    };
  }, [debouncedPassword]);

  const loginMessage = loginStatus && loginStatus.login === login.trim().toLowerCase() ? loginStatus : null;
  const level: StrengthLevel = !password
    ? 0
    : serverStrength?.password === password
      ? (Math.max(1, Math.min(4, serverStrength.score)) as StrengthLevel)
      : estimateStrength(password);
  const strengthMessage = serverStrength?.password === password ? serverStrength.message : undefined;
  const ruleText = passwordRuleText(rule);

  return (
    <StepForm wizard={wizard}>
      <div>
        <TextField
          label="Identifiant d'utilisateur"
          required
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          help="De 3 à 50 caractères : lettres sans accent, chiffres, point, tiret, tiret bas ou @."
          {...wizard.field("login")}
          error={wizard.errorOf("login") ?? (loginMessage && !loginMessage.available ? loginMessage.message : undefined)}
        />
        <p role="status" className="mt-1 text-sm font-medium text-green-800">
          {loginMessage?.available && !wizard.errorOf("login") ? loginMessage.message : ""}
        </p>
      </div>
      <div>
        <TextField
          label="Mot de passe"
          type="password"
          required={!passwordAlreadySet}
          autoComplete="new-password"
          help={passwordAlreadySet ? `Votre mot de passe est déjà choisi : laissez vide pour le garder. ${ruleText}` : ruleText}
          {...register("password")}
          error={wizard.errorOf("password")}
        />
        <StrengthMeter level={level} message={strengthMessage} />
      </div>
      <TextField
        label="Confirmation du mot de passe"
        type="password"
        required={!passwordAlreadySet}
        autoComplete="new-password"
        {...register("passwordConfirmation")}
        error={wizard.errorOf("passwordConfirmation")}
      />
      <ChildKeyFieldset field={wizard.field("childKey")} />
    </StepForm>
  );
}

function StrengthMeter({ level, message }: { level: StrengthLevel; message?: string }) {
  const colours = ["bg-slate-300", "bg-red-700", "bg-orange-600", "bg-yellow-600", "bg-green-700"];
  return (
    <div className="mt-2">
      <div className="flex gap-1" aria-hidden="true">
        {[1, 2, 3, 4].map((step) => (
          <span key={step} className={`h-2 flex-1 rounded-full ${level >= step ? colours[level] : "bg-slate-200"}`} />
        ))}
      </div>
      <p role="status" className="mt-1 text-sm text-slate-700">
        {level > 0 ? `Robustesse du mot de passe : ${strengthLabels[level]}.` : ""}
        {message ? ` ${message}` : ""}
      </p>
    </div>
  );
}
