using System;
using System.Collections.Generic;
using System.Text.Json;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Connection;
using ComplianceTools.Workplace.DingTalk;
using ComplianceTools.Workplace.Http;
using ComplianceTools.Workplace.WeCom;

namespace ComplianceTools.Workplace.Owners
{
    /// <summary>The platform user an owner resolves to.</summary>
    internal sealed class WorkplaceUser
    {
        internal WorkplaceUser(string given, string userId, string unionId)
        {
            Given = given;
            Masked = Mask.Contact(given);
            UserId = userId;
            UnionId = unionId;
        }

        /// <summary>The owner as the item gave it (a mail, a mobile or a name): never shown unmasked.</summary>
        internal string Given { get; }

        internal string Masked { get; }

        /// <summary>WeCom userid; DingTalk userid (work notifications take it).</summary>
        internal string UserId { get; }

        /// <summary>DingTalk unionId (the to-do API takes it); null for WeCom.</summary>
        internal string UnionId { get; }
    }

    /// <summary>
    /// Owners → platform users, each looked up once per run (failures too: WeCom bars user lookups for a day when
    /// errors pass 20% of the headcount). WeCom: by e-mail (company mail, then personal), then by mobile
    /// (user/get_userid_by_email, user/getuserid). DingTalk: by mobile only (topapi/v2/user/getbymobile), then
    /// the user's unionId (topapi/v2/user/get), which its to-do API takes. An owner given as a name or mail is
    /// found in the workbook's owners sheet or staff roster (<see cref="ContactBook"/>) for a mobile. An owner
    /// that cannot be resolved fails the items it owns, with the owner masked and the reason.
    /// </summary>
    internal sealed class WorkplaceUserResolver
    {
        internal const string WeComLookupPermission = "member inside the app's visible range (可见范围)";
        internal const string DingTalkMobilePermission = "qyapi_get_member_by_mobile";
        internal const string DingTalkUserPermission = "qyapi_get_member";
        private readonly WeComClient _wecom;
        private readonly DingTalkClient _dingtalk;
        private readonly ContactBook _contacts;
        private readonly Dictionary<string, object> _cache = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        private bool _outOfRange;

        internal WorkplaceUserResolver(WeComClient wecom, ContactBook contacts)
        {
            _wecom = wecom;
            _contacts = contacts;
        }

        internal WorkplaceUserResolver(DingTalkClient dingtalk, ContactBook contacts)
        {
            _dingtalk = dingtalk;
            _contacts = contacts;
        }

        private WorkplacePlatform Platform => _wecom != null ? WorkplacePlatform.WeCom : WorkplacePlatform.DingTalk;

        /// <summary>The user of an owner, or a ComplianceException (OwnerNotFound, OwnerNoMobile, OwnerAmbiguous) naming the owner masked and why.</summary>
        internal WorkplaceUser Resolve(string owner, string itemKey)
        {
            string given = (owner ?? string.Empty).Trim();
            if (_cache.TryGetValue(given, out object known))
            {
                if (known is WorkplaceUser user)
                {
                    return user;
                }

                ComplianceProblem problem = (ComplianceProblem)known;
                throw new ComplianceException(new ComplianceProblem(problem.ErrorId, problem.Kind, Text.Format(nameof(Strings.WorkplaceOwnerFailedAgain), problem.Message, itemKey), problem.Target));
            }

            try
            {
                WorkplaceUser user = Lookup(given, itemKey);
                _cache[given] = user;
                return user;
            }
            catch (ComplianceException ex) when (!WorkplaceProblems.StopsRun(ex.Problem))
            {
                _cache[given] = ex.Problem;
                throw;
            }
        }

        private WorkplaceUser Lookup(string given, string itemKey)
        {
            string masked = Mask.Contact(given);
            bool ambiguous = false;
            Contact contact = _contacts?.Find(given, out ambiguous);
            if (contact == null && ambiguous)
            {
                throw Fail("OwnerAmbiguous", ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkplaceOwnerAmbiguous), masked, itemKey), masked);
            }

            string mail = contact?.Mail ?? (given.IndexOf('@') > 0 ? given : null);
            string mobile = contact?.Mobile ?? Mobiles.Normalize(given);
            return Platform == WorkplacePlatform.WeCom ? WeCom(given, masked, mail, mobile, itemKey) : DingTalk(given, masked, mobile, itemKey);
        }

        private WorkplaceUser WeCom(string given, string masked, string mail, string mobile, string itemKey)
        {
            if (mail == null && mobile == null)
            {
                throw Fail("OwnerNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkplaceOwnerNoContact), masked, itemKey, Platform), masked);
            }

            string why = null;
            _outOfRange = false;
            if (mail != null)
            {
                foreach (int type in new[] { 1, 2 })
                {
                    string id = WeComLookup("user/get_userid_by_email", new Dictionary<string, object> { ["email"] = mail, ["email_type"] = type }, masked, itemKey, ref why);
                    if (id != null)
                    {
                        return new WorkplaceUser(given, id, null);
                    }
                }
            }

            if (mobile != null)
            {
                string id = WeComLookup("user/getuserid", new Dictionary<string, object> { ["mobile"] = mobile }, masked, itemKey, ref why);
                if (id != null)
                {
                    return new WorkplaceUser(given, id, null);
                }
            }

            throw Fail("OwnerNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkplaceOwnerNotFound), masked, itemKey, Platform, why), masked);
        }

        /// <summary>A WeCom user id, or null when WeCom knows no such member (why says what it answered).</summary>
        private string WeComLookup(string path, object body, string masked, string itemKey, ref string why)
        {
            try
            {
                JsonElement root = _wecom.Post(path, body, CallKind.Read, path, WeComLookupPermission);
                return root.Str("userid");
            }
            catch (ServiceError error) when (error.Is("46004", "60111", "40003", "40035", "40013"))
            {
                // "Outside the visible range" from another lookup says more than "unknown": keep it.
                why = _outOfRange ? why : Text.Format(nameof(Strings.WorkplaceOwnerWhyUnknown), "errcode " + error.Code);
                return null;
            }
            catch (ServiceError error) when (error.Is("50002", "60011", "60123"))
            {
                why = Text.Format(nameof(Strings.WorkplaceOwnerWhyOutOfRange), "errcode " + error.Code);
                _outOfRange = true;
                return null;
            }
            catch (ServiceError error)
            {
                throw WorkplaceProblems.CallFailed(WorkplacePlatform.WeCom, path, "errcode " + error.Code, error.Detail, masked + " (" + itemKey + ")");
            }
        }

        private WorkplaceUser DingTalk(string given, string masked, string mobile, string itemKey)
        {
            if (mobile == null)
            {
                throw Fail("OwnerNoMobile", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkplaceOwnerNoMobile), masked, itemKey), masked);
            }

            string userId;
            try
            {
                JsonElement root = _dingtalk.CallOld("topapi/v2/user/getbymobile", new Dictionary<string, object> { ["mobile"] = mobile, ["support_exclusive_account_search"] = true }, CallKind.Read, "topapi/v2/user/getbymobile", DingTalkMobilePermission);
                userId = root.Obj("result").Str("userid");
            }
            catch (ServiceError error) when (error.Is("60121", "33012", "40035", "60104"))
            {
                throw Fail("OwnerNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkplaceOwnerNotFound), masked, itemKey, Platform, Text.Format(nameof(Strings.WorkplaceOwnerWhyUnknownMobile), "errcode " + error.Code)), masked);
            }
            catch (ServiceError error) when (error.Is("50002"))
            {
                throw Fail("OwnerNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkplaceOwnerNotFound), masked, itemKey, Platform, Text.Format(nameof(Strings.WorkplaceOwnerWhyOutOfRange), "errcode " + error.Code)), masked);
            }
            catch (ServiceError error)
            {
                throw WorkplaceProblems.CallFailed(WorkplacePlatform.DingTalk, "topapi/v2/user/getbymobile", "errcode " + error.Code, error.Detail, masked + " (" + itemKey + ")");
            }

            if (string.IsNullOrEmpty(userId))
            {
                throw Fail("OwnerNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkplaceOwnerNotFound), masked, itemKey, Platform, Text.Format(nameof(Strings.WorkplaceOwnerWhyUnknownMobile), "userid")), masked);
            }

            try
            {
                JsonElement root = _dingtalk.CallOld("topapi/v2/user/get", new Dictionary<string, object> { ["userid"] = userId, ["language"] = "zh_CN" }, CallKind.Read, "topapi/v2/user/get", DingTalkUserPermission);
                string unionId = root.Obj("result").Str("unionid");
                if (string.IsNullOrEmpty(unionId))
                {
                    throw WorkplaceProblems.CallFailed(WorkplacePlatform.DingTalk, "topapi/v2/user/get", "unionid", string.Empty, masked + " (" + itemKey + ")");
                }

                return new WorkplaceUser(given, userId, unionId);
            }
            catch (ServiceError error)
            {
                throw WorkplaceProblems.CallFailed(WorkplacePlatform.DingTalk, "topapi/v2/user/get", "errcode " + error.Code, error.Detail, masked + " (" + itemKey + ")");
            }
        }

        private static ComplianceException Fail(string what, ProblemKind kind, string message, string masked) => WorkplaceProblems.Fail(what, kind, message, masked);
    }
}
