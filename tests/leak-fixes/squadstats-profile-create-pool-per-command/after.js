// Excerpt of LeventHAN/SquadStatsJSPRO commands/Squad/profile.js after 7d095b693bb7ada0576e6cea99a540393352f22b (MIT).
const Command = require("../../base/Command.js"),
	Discord = require("discord.js");

const mysql = require("mysql");
// ...
class Profile extends Command {
	constructor(client) {
		super(client, {
			name: "profile",
			dirname: __dirname,
			enabled: true,
			guildOnly: true,
			aliases: ["prof"],
			memberPermissions: [],
			botPermissions: ["SEND_MESSAGES", "EMBED_LINKS"],
			nsfw: false,
			ownerOnly: false,
			cooldown: 1000,
		});
		this.client = client;
		this.pool = null
	}

	async run(message, args, /**@type {{}}*/data) {
		const client = this.client;
		let claimed = "";
		if (this.pool == null){ // Only create one instance
			this.pool = mysql.createPool({
				connectionLimit: 10, // Call all
				host: data.guild.squadDB.host,
				port: data.guild.squadDB.port,
				user: data.guild.squadDB.user,
				password: data.guild.squadDB.password,
				database: data.guild.squadDB.database,
			});
		}
		const pool = this.pool

		let member = await client.resolveMember(args[0], message.guild);
		if (!member) member = message.member;

		// Check if the user is a bot
		if (member.user.bot) {
			return message.error("squad/profile:BOT_USER");
		}
		if (!data.guild.squadStatRoles)
			return message.error("squad/profile:NOT_CONFIGURED");
// ...
		/**
		 * End all connections in the pool...
		 */
		function endPool() {
			pool.end(function () {
				//console.error(err);
				// all connections in the pool have ended
			});
		}
// ...
		if (!data.guild.squadStatRoles) {
			return message.error("squad/profile:NOT_CONFIGURED");
		} else {
			if (
				!data.memberData.tracking ||
				(data.memberData.tracking && lastUpdate < dt)
			) {
				await getSteamName(steamUID)
					.then(function (rows) {
						data.memberData.steamName = rows[0]["lastName"];
						data.memberData.save();
					})
					.catch((err) =>
						setImmediate(() => {
							throw err;
						})
					);

// ...
				await saveTracking(dt);
				await giveDiscordRoles(); 
				await sendEmbed();
			} else {
				sendEmbed();
			}
		}
	}
}

module.exports = Profile;
